package org.entente.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.entente.api.ApiRecords.ContributionInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One contribution: read it, or change the calling organization's own with optimistic locking. */
@RestController
@RequestMapping(path = "/api/v1/contributions", produces = "application/json")
@Tag(name = "Contributions")
class ContributionsApi {

    private final PartnerApi api;

    ContributionsApi(PartnerApi api) {
        this.api = api;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contribution (ETag: its version)")
    ResponseEntity<ApiRecords.Contribution> get(@PathVariable UUID id) {
        ApiRecords.Contribution contribution = api.contribution(id);
        return ResponseEntity.ok().eTag(Versions.etag(contribution.version())).body(contribution);
    }

    @PutMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Replace the calling organization's contribution; If-Match with its ETag is required "
            + "(428 without, 412 when it changed since)")
    ResponseEntity<ApiRecords.Contribution> revise(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ContributionInput input) {
        ApiRecords.Contribution revised = api.revise(id, Versions.parse(ifMatch), input);
        return ResponseEntity.ok().eTag(Versions.etag(revised.version())).body(revised);
    }
}
