package org.entente.api.clients.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.entente.api.clients.ApiClientService;
import org.entente.tenant.admin.ui.MembersPageExtension;
import org.springframework.core.annotation.Order;

/** Puts "API clients" on Members, for tenant administrators only. */
@org.springframework.stereotype.Component
@Order(100)
class ApiClientsExtension implements MembersPageExtension {

    private final ApiClientService clients;

    ApiClientsExtension(ApiClientService clients) {
        this.clients = clients;
    }

    @Override
    public Optional<Component> create() {
        return clients.mayManage() ? Optional.of(new ApiClientsSection(clients)) : Optional.empty();
    }
}
