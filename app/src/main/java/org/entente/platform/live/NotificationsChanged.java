package org.entente.platform.live;

import java.util.UUID;

/**
 * Published inside the transaction that added a notification no workstream change announces (e.g. a briefing is
 * ready); after the commit the bells of that tenant count again.
 *
 * @param memberId the one member it is for, or null for every member of the tenant
 */
public record NotificationsChanged(UUID tenantId, UUID memberId) {
}
