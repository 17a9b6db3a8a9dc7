package org.entente.analytics.ui;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.entente.analytics.engine.rollup.CellText;
import org.entente.contribution.ContributionType;
import org.entente.engagement.EngagementType;
import org.entente.engagement.RiskRating;
import org.entente.engagement.VettingStatus;
import org.entente.initiative.Mechanism;
import org.entente.milestone.MilestoneStatus;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;
import org.entente.rnd.TechnologyArea;
import org.entente.tenant.RegionLabels;
import org.entente.tenant.TenantKind;
import org.entente.workstream.WorkstreamKind;
import org.entente.workstream.WorkstreamStatus;

/**
 * The words people read for the codes rollups carry ({@code RND_PROJECT} → "Joint R&D project",
 * {@code IN_REVIEW} → "In review"), the same labels the rest of the workspace uses, in the reader's language: in
 * French, a code of the workspace's enums reads as its {@code enum.<SimpleName>.<CONSTANT>} translation, a usual region
 * name as {@link RegionLabels} says it, the engine's own words ("Total", "Other partners (n)", "Above") and codes as the
 * engine's bundle says them.
 */
public final class Labels {

    /** Codes with an underscore that no enum below knows still read as words. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    private static final Map<String, String> KNOWN = new HashMap<>();
    /** The enum constant each code stands for (the first enum below that has it). */
    private static final Map<String, Enum<?>> CONSTANTS = new HashMap<>();

    static {
        java.util.stream.Stream.of(WorkstreamKind.values(), TenantKind.values(), Mechanism.values(),
                        TechnologyArea.values(), EngagementType.values(), ContributionType.values(),
                        WorkstreamStatus.values(), MilestoneStatus.values(), VettingStatus.values(), RiskRating.values())
                .flatMap(java.util.Arrays::stream)
                .forEach(constant -> CONSTANTS.putIfAbsent(constant.name(), constant));
        // Kinds, mechanisms, areas and types read as the workspace's English labels (enum.<SimpleName>.<CONSTANT>).
        java.util.stream.Stream.of(WorkstreamKind.values(), TenantKind.values(), Mechanism.values(),
                        TechnologyArea.values(), EngagementType.values(), ContributionType.values())
                .flatMap(java.util.Arrays::stream)
                .forEach(constant -> KNOWN.putIfAbsent(constant.name(), Translations.label(Language.EN.locale(), constant)));
        for (Enum<?> value : java.util.stream.Stream.of(WorkstreamStatus.values(), MilestoneStatus.values(),
                VettingStatus.values(), RiskRating.values()).flatMap(java.util.Arrays::stream).toList()) {
            KNOWN.putIfAbsent(value.name(), words(value.name()));
        }
        // Abbreviations that read as they are.
        KNOWN.put("IGO", "Intergovernmental organization");
        KNOWN.put("NGO", "Non-governmental organization");
        KNOWN.put("C4ISR", "C4ISR");
        KNOWN.put("AI", "Artificial intelligence");
        KNOWN.put("EXTERNAL", "External party");
    }

    private Labels() {
    }

    /** The words for {@code value} in the language of {@code locale}. */
    public static String of(Locale locale, Object value) {
        if (value == null || Language.orDefault(locale) != Language.FR) {
            return of(value);
        }
        String text = value.toString();
        String own = CellText.own(text, locale);
        if (own != null) {
            return own;
        }
        Enum<?> constant = CONSTANTS.get(text);
        if (constant != null && Translations.has(Translations.enumKey(constant))) {
            return Translations.label(locale, constant);
        }
        String region = RegionLabels.label(locale, text);
        return region.equals(text) ? CellText.label(text, locale) : region;
    }

    /** In English. */
    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        String known = KNOWN.get(text);
        if (known != null) {
            return known;
        }
        return CODE.matcher(text).matches() ? words(text) : text;
    }

    private static String words(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
