package org.entente.workstream;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.entente.engagement.EngagementType;
import org.entente.engagement.RiskRating;
import org.entente.engagement.VettingStatus;
import org.entente.initiative.Mechanism;
import org.entente.rnd.TechnologyArea;

/** What only one kind of workstream has. */
public sealed interface KindDetails {

    WorkstreamKind kind();

    record Initiative(Mechanism mechanism, List<String> objectives) implements KindDetails {
        public Initiative {
            objectives = List.copyOf(objectives);
        }

        @Override
        public WorkstreamKind kind() {
            return WorkstreamKind.INITIATIVE;
        }
    }

    record RndProject(TechnologyArea technologyArea, int trlStart, int trlCurrent, int trlTarget,
            String backgroundIpTerms, String foregroundIpTerms) implements KindDetails {
        @Override
        public WorkstreamKind kind() {
            return WorkstreamKind.RND_PROJECT;
        }
    }

    /** The party is either a tenant (NGO, private security, corporation, academia) or a named external one. */
    record Engagement(UUID partyTenantId, String partyName, EngagementType engagementType,
            VettingStatus vettingStatus, String agreementReference, LocalDate agreementValidFrom,
            LocalDate agreementValidTo, RiskRating riskRating, String outcomes) implements KindDetails {
        @Override
        public WorkstreamKind kind() {
            return WorkstreamKind.ENGAGEMENT;
        }
    }
}
