package org.entente.label;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.entente.label.standard.ConfidentialityLabel;
import org.entente.label.standard.LabelBinding;
import org.entente.label.standard.LabelPolicy;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The label of an export, from the releasability of what it holds: the app's side of the one label builder
 * ({@link ConfidentialityLabel}, shared with the analytics module's briefings). The organizations come from
 * {@link Releasability#audience}, the rule the visible markings name theirs by.
 */
@Service
@EnableConfigurationProperties(LabelProperties.class)
public class ExportLabels {

    /** The releasability of one record of an export, as its marking shows it. */
    public record Released(Releasability releasability, List<UUID> relTo, UUID ownTenantId) {
    }

    /** A file and its name and type, as a download hands it out. */
    public record LabelledFile(String name, String contentType, byte[] content) {
    }

    /** From least to most restrictive: the order the markings of a briefing are ranked in (Markings, scope.sql). */
    private static final List<Releasability> RANK = List.of(Releasability.ALL_PARTNERS, Releasability.PARTICIPANTS,
            Releasability.REL_TO, Releasability.PRIVATE);

    private final PartnerDirectory partners;
    private final LabelPolicy policy;
    private final Clock clock = Clock.systemUTC();

    ExportLabels(PartnerDirectory partners, LabelProperties properties) {
        this.partners = partners;
        this.policy = properties.policy();
    }

    /** The deployment's label policy (the briefing writer's too). */
    public LabelPolicy policy() {
        return policy;
    }

    /**
     * The label of an export holding {@code records} (the workstream itself among them): the most restrictive
     * releasability, and the organizations every record is released to (the intersection: ADatP-4774.1's rule for a
     * dominant label's permissive categories). Never empty: the reader may see every record, so the intersection
     * holds the reader's organization; {@code reader} stands in should a directory gap leave nobody.
     *
     * @param participants the workstream's lead and accepted participants
     */
    public ConfidentialityLabel label(Collection<Released> records, Collection<UUID> participants, UUID reader) {
        Set<UUID> audience = null;
        Releasability most = Releasability.ALL_PARTNERS;
        for (Released record : records) {
            List<UUID> released = record.releasability().audience(record.ownTenantId(), record.relTo(),
                    participants);
            if (audience == null) {
                audience = new LinkedHashSet<>(released);
            } else {
                audience.retainAll(released);
            }
            if (RANK.indexOf(record.releasability()) > RANK.indexOf(most)) {
                most = record.releasability();
            }
        }
        if (audience == null || audience.isEmpty()) {
            audience = Set.of(reader);
        }
        Map<UUID, Partner> directory = partners.byId();
        List<String> names = audience.stream()
                .map(id -> directory.getOrDefault(id, PartnerDirectory.unknown(id)).name())
                .sorted(Comparator.naturalOrder()).toList();
        return ConfidentialityLabel.of(policy, most.name(), names, clock.instant());
    }

    /**
     * The label of a file that holds the partner directory and nothing else (an import template): every partner sees
     * the directory, so it is released to all the organizations it lists.
     */
    public ConfidentialityLabel forDirectory(UUID reader) {
        return label(List.of(new Released(Releasability.ALL_PARTNERS, List.of(), reader)),
                partners.all().stream().map(Partner::id).toList(), reader);
    }

    /**
     * A file that cannot carry its label (CSV) together with its label, in one zip: {@code name} and
     * {@code name.label.xml}, a detached ADatP-4778 binding that names the file and holds its SHA-256. One download, so
     * that the label travels with the data; the CSV inside is the same as before.
     */
    public LabelledFile zip(String name, String contentType, byte[] content, ConfidentialityLabel label) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(name + ".label.xml"));
            zip.write(LabelBinding.sidecar(label, name, contentType, content));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        return new LabelledFile(base + ".zip", "application/zip", out.toByteArray());
    }
}
