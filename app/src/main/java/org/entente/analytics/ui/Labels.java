package org.entente.analytics.ui;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.entente.contribution.ContributionType;
import org.entente.engagement.EngagementType;
import org.entente.engagement.RiskRating;
import org.entente.engagement.VettingStatus;
import org.entente.milestone.MilestoneStatus;
import org.entente.workstream.WorkstreamStatus;
import org.entente.initiative.Mechanism;
import org.entente.rnd.TechnologyArea;
import org.entente.tenant.TenantKind;
import org.entente.workstream.WorkstreamKind;

/**
 * The words people read for the codes rollups carry ({@code RND_PROJECT} → "Joint R&D project",
 * {@code IN_REVIEW} → "In review"), the same labels the rest of the workspace uses.
 */
public final class Labels {

    /** Codes with an underscore that no enum below knows still read as words. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    private static final Map<String, String> KNOWN = new HashMap<>();

    static {
        for (WorkstreamKind kind : WorkstreamKind.values()) {
            KNOWN.put(kind.name(), kind.label());
        }
        for (TenantKind kind : TenantKind.values()) {
            KNOWN.putIfAbsent(kind.name(), kind.label());
        }
        for (Mechanism mechanism : Mechanism.values()) {
            KNOWN.putIfAbsent(mechanism.name(), mechanism.label());
        }
        for (TechnologyArea area : TechnologyArea.values()) {
            KNOWN.putIfAbsent(area.name(), area.label());
        }
        for (EngagementType type : EngagementType.values()) {
            KNOWN.putIfAbsent(type.name(), type.label());
        }
        for (ContributionType type : ContributionType.values()) {
            KNOWN.putIfAbsent(type.name(), type.label());
        }
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
