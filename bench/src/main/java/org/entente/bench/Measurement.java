package org.entente.bench;

/**
 * One row of the performance table (P1 … P6): measures something and the thing it is compared with in the same
 * run, so that a noisy shared machine slows both alike, and reports the ratio.
 */
public interface Measurement {

    /** "P1" … "P6". */
    String id();

    /** Runs the measurement on the generated data. Throwing marks the row FAILED; the others still run. */
    MeasurementResult run(BenchContext context) throws Exception;
}
