package org.entente.platform.live;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinSession;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;

/** A UI in a session of an app instance's own VaadinService (no HTTP session behind it), as a watching view has. */
final class WatchingUi {

    private WatchingUi() {
    }

    static UI of(ApplicationContext instance) {
        VaadinServlet servlet = instance.getBeansOfType(ServletRegistrationBean.class).values().stream()
                .map(ServletRegistrationBean::getServlet).filter(VaadinServlet.class::isInstance)
                .map(VaadinServlet.class::cast).findFirst().orElseThrow();
        VaadinSession session = new VaadinSession(servlet.getService()) {
            private final Lock lock = new ReentrantLock();

            @Override
            public Lock getLockInstance() {
                return lock;
            }
        };
        UI ui = new UI();
        session.lock();
        try {
            ui.getInternals().setSession(session);
        } finally {
            session.unlock();
        }
        return ui;
    }
}
