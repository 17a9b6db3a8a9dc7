package org.entente.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.entente.api.ApiRecords.MeasurementInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An indicator's measurements: read them, or enter one as the lead or the responsible organization. */
@RestController
@RequestMapping(path = "/api/v1/indicators", produces = "application/json")
@Tag(name = "Indicators")
class IndicatorsApi {

    private final PartnerApi api;

    IndicatorsApi(PartnerApi api) {
        this.api = api;
    }

    @GetMapping("/{id}/measurements")
    @Operation(summary = "The indicator's measurements")
    ApiPage<ApiRecords.Measurement> measurements(@PathVariable UUID id, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String updatedSince) {
        return api.measurements(id, ApiPage.Request.of(limit, cursor, updatedSince));
    }

    @PostMapping(path = "/{id}/measurements", consumes = "application/json")
    @Operation(summary = "Enter a measurement for a period (201)")
    ResponseEntity<ApiRecords.Measurement> measure(@PathVariable UUID id, @RequestBody MeasurementInput input) {
        ApiRecords.Measurement created = api.measure(id, input);
        return ResponseEntity.created(URI.create("/api/v1/indicators/" + id + "/measurements"))
                .eTag(Versions.etag(created.version())).body(created);
    }
}
