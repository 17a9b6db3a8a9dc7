package org.entente.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.entente.api.ApiRecords.ContributionInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Workstreams and what belongs to them, as the calling organization may see them. */
@RestController
@RequestMapping(path = "/api/v1/workstreams", produces = "application/json")
@Tag(name = "Workstreams")
class WorkstreamsApi {

    private final PartnerApi api;

    WorkstreamsApi(PartnerApi api) {
        this.api = api;
    }

    @GetMapping
    @Operation(summary = "Workstreams the calling organization may see, oldest change first")
    ApiPage<ApiRecords.Workstream> list(@Parameter(description = "1–200, default 50") @RequestParam(required = false) Integer limit,
            @Parameter(description = "the next page's cursor, from \"next\"") @RequestParam(required = false) String cursor,
            @Parameter(description = "ISO-8601 instant: only records changed at or after it") @RequestParam(required = false) String updatedSince) {
        return api.workstreams(ApiPage.Request.of(limit, cursor, updatedSince));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One workstream (404 when it does not exist or may not be seen)")
    ResponseEntity<ApiRecords.Workstream> get(@PathVariable UUID id) {
        ApiRecords.Workstream workstream = api.workstream(id);
        return ResponseEntity.ok().eTag(Versions.etag(workstream.version())).body(workstream);
    }

    @GetMapping("/{id}/participants")
    @Operation(summary = "The workstream's participant organizations")
    ApiPage<ApiRecords.Participant> participants(@PathVariable UUID id, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String updatedSince) {
        return api.participants(id, ApiPage.Request.of(limit, cursor, updatedSince));
    }

    @GetMapping("/{id}/contributions")
    @Operation(summary = "The workstream's contributions the calling organization may see")
    ApiPage<ApiRecords.Contribution> contributions(@PathVariable UUID id, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String updatedSince) {
        return api.contributions(id, ApiPage.Request.of(limit, cursor, updatedSince));
    }

    @PostMapping(path = "/{id}/contributions", consumes = "application/json")
    @Operation(summary = "Pledge a contribution of the calling organization (201, Location and ETag)")
    ResponseEntity<ApiRecords.Contribution> pledge(@PathVariable UUID id, @RequestBody ContributionInput input) {
        ApiRecords.Contribution created = api.pledge(id, input);
        return ResponseEntity.created(URI.create("/api/v1/contributions/" + created.id()))
                .eTag(Versions.etag(created.version())).body(created);
    }

    @GetMapping("/{id}/milestones")
    @Operation(summary = "The workstream's milestones")
    ApiPage<ApiRecords.Milestone> milestones(@PathVariable UUID id, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String updatedSince) {
        return api.milestones(id, ApiPage.Request.of(limit, cursor, updatedSince));
    }

    @GetMapping("/{id}/indicators")
    @Operation(summary = "The workstream's indicators the calling organization may see")
    ApiPage<ApiRecords.Indicator> indicators(@PathVariable UUID id, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String updatedSince) {
        return api.indicators(id, ApiPage.Request.of(limit, cursor, updatedSince));
    }
}
