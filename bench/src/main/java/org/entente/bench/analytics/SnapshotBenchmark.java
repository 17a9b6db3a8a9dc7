package org.entente.bench.analytics;

import org.entente.bench.BenchContext;
import org.entente.bench.Measurement;
import org.entente.bench.MeasurementResult;

/** P2 — being built in this session (placeholder so the module compiles while the measurements land). */
public final class SnapshotBenchmark implements Measurement {

    @Override
    public String id() {
        return "P2";
    }

    @Override
    public MeasurementResult run(BenchContext context) {
        throw new UnsupportedOperationException("P2 is not built yet");
    }
}
