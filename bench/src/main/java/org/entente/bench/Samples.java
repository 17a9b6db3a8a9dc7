package org.entente.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Repeated measurements of one quantity (after warm-up): median and spread, never a single run.
 */
public final class Samples {

    private final double[] values;

    private Samples(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("No samples");
        }
        this.values = values.clone();
        Arrays.sort(this.values);
    }

    public static Samples of(double... values) {
        return new Samples(values);
    }

    public static Samples of(List<? extends Number> values) {
        return new Samples(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    public int count() {
        return values.length;
    }

    public double median() {
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    public double min() {
        return values[0];
    }

    public double max() {
        return values[values.length - 1];
    }

    /** "412 ms (398–440, n=5)": the median, then min–max, each formatted by {@code format}. */
    public String describe(DoubleFunction<String> format) {
        return format.apply(median()) + " (" + format.apply(min()) + "–" + format.apply(max()) + ", n=" + count() + ")";
    }

    /** Median of {@code numerator} / median of {@code denominator}. */
    public static double ratioOfMedians(Samples numerator, Samples denominator) {
        return numerator.median() / denominator.median();
    }

    // ---------------------------------------------------------------- formats shared by the measurements

    public static String millis(double nanos) {
        double ms = nanos / 1e6;
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f ms", ms)
                : ms >= 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.2f ms", ms);
    }

    public static String seconds(double nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    public static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    public static String perSecond(double perSecond) {
        return perSecond >= 1e6 ? String.format(Locale.ROOT, "%.2fM/s", perSecond / 1e6)
                : String.format(Locale.ROOT, "%.0fk/s", perSecond / 1e3);
    }

    public static String times(double ratio) {
        return ratio >= 10 ? String.format(Locale.ROOT, "%.0f×", ratio) : String.format(Locale.ROOT, "%.1f×", ratio);
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}
