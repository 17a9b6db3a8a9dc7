package org.entente.attachment;

import static org.entente.db.jooq.Tables.ATTACHMENT;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.activity.ActivityFeed;
import org.entente.db.jooq.tables.records.AttachmentRecord;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Text;
import org.entente.platform.live.WorkstreamChanged;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.validation.PlainText;
import org.entente.platform.validation.SqlState;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamRef;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files of a workstream: size and type checked (the type by content), stored with a SHA-256 checksum,
 * downloadable only by those the file's releasability admits (row-level security), every download audited.
 */
@Service
@EnableConfigurationProperties(AttachmentPolicy.class)
public class AttachmentService {

    /** A downloaded file's content and how to serve it. */
    public record Download(String fileName, String mediaType, byte[] content) {
    }

    private final DSLContext dsl;
    private final ActorSource actors;
    private final PartnerDirectory partners;
    private final AttachmentPolicy policy;
    private final FileTypeDetector types;
    private final AuditTrail audit;
    private final ActivityFeed activity;
    private final ApplicationEventPublisher events;

    AttachmentService(DSLContext dsl, ActorSource actors, PartnerDirectory partners, AttachmentPolicy policy,
            FileTypeDetector types, AuditTrail audit, ActivityFeed activity, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.actors = actors;
        this.partners = partners;
        this.policy = policy;
        this.types = types;
        this.audit = audit;
        this.activity = activity;
        this.events = events;
    }

    public AttachmentPolicy policy() {
        return policy;
    }

    @Transactional
    public Attachment upload(WorkstreamRef ref, String fileName, byte[] content, Releasability releasability,
            List<UUID> relTo) {
        Actor actor = actors.currentActor().orElseThrow(() -> new NotAllowed("attachment.error.signIn"));
        String name = fileName == null ? "" : fileName.strip();
        String claimed = types.byName(name);
        String detected = content == null || content.length == 0 ? null : types.byContent(content);
        new InvalidInput.Collector()
                .check(!name.isEmpty() && name.length() <= 255, "file", "attachment.error.nameLength")
                .check(PlainText.fileName(name), "file", PlainText.FILE_NAME_MESSAGE)
                .check(content != null && content.length > 0, "file", "attachment.error.empty")
                .check(content == null || content.length <= policy.maxSize().toBytes(), "file",
                        "attachment.error.tooLarge", policy.maxSize().toMegabytes())
                .check(policy.allowedTypes().contains(claimed), "file",
                        "attachment.error.typeNotAccepted", claimed)
                .check(detected == null || !policy.allowedTypes().contains(claimed) || types.agrees(claimed, detected), "file",
                        "attachment.error.contentMismatch", String.valueOf(detected), name)
                .check(releasability != null, "releasability", "attachment.error.releasabilityMissing")
                .check(releasability != Releasability.REL_TO || (relTo != null && !relTo.isEmpty()), "relTo",
                        "attachment.error.relToMissing")
                .throwIfAny();
        UUID id = UUID.randomUUID();
        List<UUID> audience = releasability == Releasability.REL_TO ? List.copyOf(relTo) : List.of();
        try {
            dsl.insertInto(ATTACHMENT)
                    .set(ATTACHMENT.TENANT_ID, ref.tenantId())
                    .set(ATTACHMENT.WORKSTREAM_ID, ref.id())
                    .set(ATTACHMENT.ID, id)
                    .set(ATTACHMENT.OWNER_TENANT_ID, actor.tenantId())
                    .set(ATTACHMENT.UPLOADED_BY, actor.memberId())
                    .set(ATTACHMENT.FILE_NAME, name)
                    .set(ATTACHMENT.MEDIA_TYPE, claimed)
                    .set(ATTACHMENT.SIZE_BYTES, (long) content.length)
                    .set(ATTACHMENT.SHA256, sha256(content))
                    .set(ATTACHMENT.CONTENT, content)
                    .set(ATTACHMENT.RELEASABILITY, releasability.name())
                    .set(ATTACHMENT.REL_TO, audience.toArray(UUID[]::new))
                    .execute();
        } catch (RuntimeException e) {
            if (SqlState.is(e, SqlState.INSUFFICIENT_PRIVILEGE)) {
                throw new NotAllowed("attachment.error.notParticipant");
            }
            if (SqlState.is(e, "EN017")) {
                throw InvalidInput.of("relTo", "attachment.error.relToOutside");
            }
            throw e;
        }
        audit.record("UPLOAD", "attachment", id, null, Map.of("fileName", name, "mediaType", claimed,
                "sizeBytes", content.length, "sha256", sha256(content)));
        activity.record(ref, "uploaded", Text.of("activity.summary.uploaded", name), "attachment", id, actor.tenantId(),
                releasability, audience);
        events.publishEvent(new WorkstreamChanged(ref.id(), "files"));
        return find(ref, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Attachment> of(WorkstreamRef ref) {
        Map<UUID, Partner> directory = partners.byId();
        return dsl.select(metadata()).from(ATTACHMENT)
                .where(ATTACHMENT.TENANT_ID.eq(ref.tenantId()), ATTACHMENT.WORKSTREAM_ID.eq(ref.id()))
                .orderBy(ATTACHMENT.CREATED_AT.desc())
                .fetch(r -> toAttachment(r.into(ATTACHMENT), directory));
    }

    /** The file, if the signed-in tenant may see it; the download is audited in the reader's tenant. */
    @Transactional
    public Optional<Download> download(WorkstreamRef ref, UUID id) {
        Optional<Download> file = dsl.selectFrom(ATTACHMENT)
                .where(ATTACHMENT.TENANT_ID.eq(ref.tenantId()), ATTACHMENT.ID.eq(id))
                .fetchOptional(r -> new Download(r.getFileName(), r.getMediaType(), r.getContent()));
        file.ifPresent(f -> audit.record("DOWNLOAD", "attachment", id, null,
                Map.of("fileName", f.fileName(), "workstream", ref.id().toString())));
        return file;
    }

    private Optional<Attachment> find(WorkstreamRef ref, UUID id) {
        return dsl.select(metadata()).from(ATTACHMENT)
                .where(ATTACHMENT.TENANT_ID.eq(ref.tenantId()), ATTACHMENT.ID.eq(id))
                .fetchOptional(r -> toAttachment(r.into(ATTACHMENT), partners.byId()));
    }

    private static List<org.jooq.Field<?>> metadata() {
        return Arrays.stream(ATTACHMENT.fields()).filter(f -> !f.equals(ATTACHMENT.CONTENT)).toList();
    }

    private static Attachment toAttachment(AttachmentRecord r, Map<UUID, Partner> directory) {
        UUID[] relTo = r.getRelTo() == null ? new UUID[0] : r.getRelTo();
        return new Attachment(new WorkstreamRef(r.getTenantId(), r.getWorkstreamId()), r.getId(),
                directory.getOrDefault(r.getOwnerTenantId(), PartnerDirectory.unknown(r.getOwnerTenantId())),
                r.getFileName(), r.getMediaType(), r.getSizeBytes(), r.getSha256(),
                Releasability.valueOf(r.getReleasability()), Arrays.asList(relTo), r.getCreatedAt());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
