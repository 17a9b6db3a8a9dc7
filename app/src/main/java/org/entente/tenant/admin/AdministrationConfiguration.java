package org.entente.tenant.admin;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduled reconciliation ({@code entente.reconciliation.interval}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AdministrationConfiguration {
}
