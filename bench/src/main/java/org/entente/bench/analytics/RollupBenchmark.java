package org.entente.bench.analytics;

import org.entente.bench.BenchContext;
import org.entente.bench.Measurement;
import org.entente.bench.MeasurementResult;

/** P1 — being built in this session (placeholder so the module compiles while the measurements land). */
public final class RollupBenchmark implements Measurement {

    @Override
    public String id() {
        return "P1";
    }

    @Override
    public MeasurementResult run(BenchContext context) {
        throw new UnsupportedOperationException("P1 is not built yet");
    }
}
