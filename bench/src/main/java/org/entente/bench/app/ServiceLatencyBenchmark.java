package org.entente.bench.app;

import org.entente.bench.BenchContext;
import org.entente.bench.Measurement;
import org.entente.bench.MeasurementResult;

/** P4 — being built in this session (placeholder so the module compiles while the measurements land). */
public final class ServiceLatencyBenchmark implements Measurement {

    @Override
    public String id() {
        return "P4";
    }

    @Override
    public MeasurementResult run(BenchContext context) {
        throw new UnsupportedOperationException("P4 is not built yet");
    }
}
