package org.entente.bench.app;

import org.entente.bench.BenchContext;
import org.entente.bench.Measurement;
import org.entente.bench.MeasurementResult;

/** P6 — being built in this session (placeholder so the module compiles while the measurements land). */
public final class SessionMemoryBenchmark implements Measurement {

    @Override
    public String id() {
        return "P6";
    }

    @Override
    public MeasurementResult run(BenchContext context) {
        throw new UnsupportedOperationException("P6 is not built yet");
    }
}
