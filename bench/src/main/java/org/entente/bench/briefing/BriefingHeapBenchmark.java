package org.entente.bench.briefing;

import org.entente.bench.BenchContext;
import org.entente.bench.Measurement;
import org.entente.bench.MeasurementResult;

/** P3 — being built in this session (placeholder so the module compiles while the measurements land). */
public final class BriefingHeapBenchmark implements Measurement {

    @Override
    public String id() {
        return "P3";
    }

    @Override
    public MeasurementResult run(BenchContext context) {
        throw new UnsupportedOperationException("P3 is not built yet");
    }
}
