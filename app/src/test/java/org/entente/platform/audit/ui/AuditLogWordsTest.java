package org.entente.platform.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The audit log names actions and record types in the reader's language; English shows the stored code. */
class AuditLogWordsTest {

    @Test
    void actionsAndRecordTypesReadInTheReadersLanguage() {
        assertThat(AuditLogView.word(Locale.FRANCE, "audit.action.", "MEMBER_ROLE_GRANTED")).isEqualTo("Rôle attribué");
        assertThat(AuditLogView.word(Locale.FRANCE, "audit.record.", "tenant_capacity")).isEqualTo("capacité");
        assertThat(AuditLogView.word(Locale.UK, "audit.action.", "MEMBER_ROLE_GRANTED")).isEqualTo("MEMBER_ROLE_GRANTED");
        assertThat(AuditLogView.word(Locale.FRANCE, "audit.action.", "SOMETHING_NEW")).as("a code without words yet")
                .isEqualTo("SOMETHING_NEW");
        assertThat(AuditLogView.word(Locale.FRANCE, "audit.record.", null)).isEmpty();
    }
}
