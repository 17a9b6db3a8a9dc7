package org.entente.platform.i18n;

import static org.entente.db.jooq.Tables.MEMBER;

import java.util.Optional;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The language a person chose in the user menu, kept on their own member row (V52). Only the signed-in person's row
 * is read or written: the actor comes from the token, and member's tenant policy keeps every other organization out.
 * A person without an organization (the platform administrator) has no member row: their choice lasts the session.
 */
@Service
public class LanguagePreference {

    private final DSLContext dsl;
    private final ActorSource actors;

    LanguagePreference(DSLContext dsl, ActorSource actors) {
        this.dsl = dsl;
        this.actors = actors;
    }

    @Transactional(readOnly = true)
    public Optional<Language> chosen() {
        return member().flatMap(actor -> Optional.ofNullable(dsl.select(MEMBER.LANGUAGE).from(MEMBER)
                .where(MEMBER.TENANT_ID.eq(actor.tenantId()), MEMBER.ID.eq(actor.memberId()))
                .fetchOne(MEMBER.LANGUAGE))).flatMap(Language::ofCode);
    }

    /** Remembers the choice; false when there is no member row to keep it on. */
    @Transactional
    public boolean choose(Language language) {
        return member().map(actor -> dsl.update(MEMBER).set(MEMBER.LANGUAGE, language.code())
                .where(MEMBER.TENANT_ID.eq(actor.tenantId()), MEMBER.ID.eq(actor.memberId()))
                .execute() == 1).orElse(false);
    }

    private Optional<Actor> member() {
        return actors.currentActor().filter(actor -> actor.memberId() != null);
    }
}
