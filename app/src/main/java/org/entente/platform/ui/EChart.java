package org.entente.platform.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.util.function.BiConsumer;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Apache ECharts chart, drawn in the browser from an option object built on the server. ECharts comes
 * from the app's own webjar ({@value #SCRIPT}), added to the page at run time: no CDN and no frontend
 * bundle build. The script may still be loading when the first option arrives, so the browser side waits
 * for {@code window.echarts}. Used by the analytics page and by any feature that draws a chart.
 * <p>
 * Accessibility, the same for every chart (callers need no change): ECharts' {@code aria} option writes the
 * element's {@code aria-label} from the caller's description followed by the series and data, in the page's language
 * (our texts, not ECharts' own, which exist in English and poor French only), and its decal patterns set series apart
 * without colour. The numbers are formatted in the page's language too. Every chart also has its table beside it.
 */
public final class EChart extends Div {

    public static final String SCRIPT = "/webjars/echarts/5.3.1/dist/echarts.min.js";

    /**
     * Number formats the browser applies to tooltips, value axes and bar labels (functions cannot travel in
     * JSON): {@code eur}, {@code percent} (values already in percent), {@code count}, {@code number}.
     */
    private static final String DRAW = """
            const el = this, option = $0, format = $1, lang = $2, texts = $3;
            const eur = new Intl.NumberFormat(lang, {style: 'currency', currency: 'EUR', maximumFractionDigits: 0});
            const eurShort = new Intl.NumberFormat(lang, {style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1});
            const plain = new Intl.NumberFormat(lang, {maximumFractionDigits: 1});
            // Shares of capacity are small (0.05 %): below 0.1 % a percent keeps two significant digits, as the
            // engine's CellText.percent writes it in the tables and the briefing.
            const pct = v => new Intl.NumberFormat(lang, v === 0 || Math.abs(v) >= 0.1
                ? {maximumFractionDigits: 1} : {maximumSignificantDigits: 2}).format(v) + ' %';
            const full = v => v == null || v === '-' ? texts.suppressed
                : format === 'eur' ? eur.format(v) : format === 'percent' ? pct(v) : plain.format(v);
            const short = v => format === 'eur' ? eurShort.format(v) : format === 'percent' ? pct(v) : plain.format(v);
            const draw = () => {
              // ECharts lays a force graph out once, in the size it has at init: wait until the element is laid out.
              if (!window.echarts || el.clientWidth === 0 || el.clientHeight === 0) { setTimeout(draw, 50); return; }
              option.tooltip = Object.assign(option.tooltip || {}, {valueFormatter: full});
              for (const axis of [].concat(option.xAxis || [], option.yAxis || [])) {
                if (axis.type === 'value') { axis.axisLabel = Object.assign(axis.axisLabel || {}, {formatter: short}); }
              }
              for (const s of [].concat(option.series || [])) {
                if (s.type === 'bar' && s.label && s.label.show && !s.label.formatter) { s.label.formatter = p => short(p.value); }
              }
              option.aria = Object.assign({enabled: true, decal: {show: true}, label: texts.aria}, option.aria || {});
              const chart = echarts.getInstanceByDom(el) || echarts.init(el, null, {renderer: 'canvas'});
              chart.setOption(option, true);
              if (!el.__ententeWired) {
                el.__ententeWired = true;
                new ResizeObserver(() => chart.resize()).observe(el);
                chart.on('click', p => el.$server && el.$server.clicked(String(p.name ?? ''), String(p.seriesName ?? '')));
              }
            };
            draw();
            """;

    private BiConsumer<String, String> onClick = (category, series) -> { };
    private final String description;

    public EChart(String id, String description) {
        this.description = description;
        setId(id);
        addClassName("analytics-chart");
        getElement().setAttribute("role", "img");
        // Until ECharts writes its fuller label (description, series, data) once the chart is drawn.
        getElement().setAttribute("aria-label", description);
    }

    /** Makes sure the page loads ECharts once (Vaadin adds a script URL only once per page). */
    public static void load(UI ui) {
        ui.getPage().addJavaScript(SCRIPT);
    }

    public void draw(ObjectNode option, String format) {
        getElement().executeJs(DRAW, option, format, getLocale().toLanguageTag(), texts());
    }

    /**
     * The tooltip's word for a missing value and ECharts' aria label templates. ECharts fills in its own
     * placeholders ({@code {seriesName}} …): they go in as arguments, so the bundles hold plain MessageFormat patterns.
     * The series' type is left out: ECharts would name it in its own locale, English.
     */
    private ObjectNode texts() {
        ObjectNode texts = JsonNodeFactory.instance.objectNode();
        texts.put("suppressed", getTranslation("chart.suppressedOrNone"));
        ObjectNode aria = texts.putObject("aria");
        String intro = description.replace("{", "(").replace("}", ")");
        aria.putObject("general").put("withTitle", intro + " " + getTranslation("chart.aria.titled", "{title}"))
                .put("withoutTitle", intro);
        ObjectNode series = aria.putObject("series");
        series.putObject("single").put("prefix", "")
                .put("withName", " " + getTranslation("chart.aria.series.one", "{seriesName}"))
                .put("withoutName", "");
        ObjectNode multiple = series.putObject("multiple")
                .put("prefix", " " + getTranslation("chart.aria.series.many", "{seriesCount}"))
                .put("withName", " " + getTranslation("chart.aria.series.named", "{seriesId}", "{seriesName}"))
                .put("withoutName", "");
        multiple.putObject("separator").put("middle", "").put("end", "");
        ObjectNode data = aria.putObject("data")
                .put("allData", " " + getTranslation("chart.aria.data.all") + " ")
                .put("partialData", " " + getTranslation("chart.aria.data.partial", "{displayCnt}") + " ")
                .put("withName", getTranslation("chart.aria.data.named", "{name}", "{value}"))
                .put("withoutName", "{value}");
        data.putObject("separator").put("middle", getTranslation("chart.aria.data.separator") + " ")
                .put("end", ". ");
        return texts;
    }

    /** Called with the clicked bar's category and series name. */
    public void onClick(BiConsumer<String, String> listener) {
        this.onClick = listener;
        getElement().getClassList().add("clickable");
    }

    @ClientCallable
    private void clicked(String category, String series) {
        onClick.accept(category, series);
    }
}
