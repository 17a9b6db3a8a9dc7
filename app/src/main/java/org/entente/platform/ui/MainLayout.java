package org.entente.platform.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.entente.notification.NotificationService;
import org.entente.tenant.Affiliation;
import org.entente.notification.ui.NotificationBell;
import org.entente.platform.i18n.LanguagePreference;
import org.entente.platform.i18n.Translations;
import org.entente.platform.i18n.ui.LanguageSwitch;
import org.entente.platform.live.LiveUpdates;
import org.entente.platform.security.CurrentUser;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;

/**
 * The frame of every workspace view: navigation (only views the user may open, from {@code @Menu}),
 * the user's organization, the notification bell, and the user menu with sign-out. For keyboard and screen-reader
 * users: a skip-to-content link is the first thing Tab reaches, and the view sits in the page's {@code main} landmark.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    /**
     * The views' container: the page's main landmark and the skip link's target. A plain element, not the view itself:
     * tabindex -1 on a view (a shadow host) would take every control in it out of the Tab order.
     */
    private final Main main = new Main();

    public MainLayout(CurrentUser currentUser, TenantService tenants, AuthenticationContext authentication,
            NotificationService notifications, LiveUpdates live, LanguagePreference languages) {
        Span title = new Span(getTranslation("app.name"));
        title.addClassName("entente-title");
        title.getStyle().set("font-weight", "700").set("font-size", "var(--lumo-font-size-l)");

        Span organization = new Span(tenants.currentTenant().map(t -> t.name()).orElse(""));
        organization.setId("current-organization");
        organization.addClassName("tenant-badge");

        HorizontalLayout navbar = new HorizontalLayout(skipToContent(), drawerToggle(), title, organization);
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.setWidthFull();
        navbar.expand(organization);
        if (currentUser.currentActor().isPresent()) {
            navbar.add(new NotificationBell(notifications, live, currentUser));
        }
        currentUser.get().ifPresent(user -> navbar.add(userMenu(user, authentication, languages,
                currentUser.currentActor().isPresent())));
        navbar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(navbar);

        SideNav nav = new SideNav();
        nav.setId("main-navigation");
        // Without an organization only the platform screens work, so only they are offered.
        boolean affiliated = currentUser.get().map(u -> u.affiliation() instanceof Affiliation.Affiliated).orElse(false);
        MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> affiliated || TenantAccessGuard.platformView(entry.menuClass()))
                .forEach(entry -> {
                    String label = menuTitle(entry.menuClass(), entry.title());
                    nav.addItem(entry.icon() == null ? new SideNavItem(label, entry.path())
                            : new SideNavItem(label, entry.path(), new Icon(entry.icon())));
                });
        nav.getElement().setAttribute("aria-label", getTranslation("nav.main"));
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
        main.setId("main-content");
        main.addClassName("main-content");
        main.getElement().setAttribute("tabindex", "-1");
        setContent(main);
    }

    /**
     * The first focusable element of every page (the navbar comes first in the app layout's DOM), shown only while
     * focused (styles.css). It moves focus into the view, so the next Tab reaches the view's first control rather
     * than the navigation. Handled in the browser: the link's {@code #main-content} is no route ({@code router-ignore}).
     */
    private Anchor skipToContent() {
        Anchor skip = new Anchor("#main-content", getTranslation("nav.skipToContent")); // i18n-ok: the link target
        skip.setId("skip-to-content");
        skip.addClassName("skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement().executeJs("""
                this.addEventListener('click', e => {
                  e.preventDefault();
                  const main = document.getElementById('main-content');
                  if (main) { main.focus(); main.scrollIntoView({block: 'start'}); }
                });""");
        return skip;
    }

    /** Vaadin names the toggle in English ("Toggle navigation menu"): named in the page's language instead. */
    private DrawerToggle drawerToggle() {
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggleDrawer"));
        return toggle;
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.getElement().removeAllChildren();
    }

    /** A view's menu title: key {@code menu.<ViewClass>} in the page's language; its {@code @Menu} title if none. */
    private String menuTitle(Class<?> view, String fallback) {
        String key = "menu." + (view == null ? "" : view.getSimpleName());
        return Translations.has(key) ? getTranslation(key) : fallback;
    }

    private MenuBar userMenu(SignedInUser user, AuthenticationContext authentication, LanguagePreference languages,
            boolean member) {
        Avatar avatar = new Avatar(user.displayName());
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        MenuItem item = menu.addItem(new HorizontalLayout(avatar, new Span(user.displayName())));
        LanguageSwitch.addTo(item.getSubMenu(), languages);
        if (member) {
            // My account (route "account", the mail feature's view): a member's own settings, beside the language.
            item.getSubMenu().addItem(getTranslation("user.account"),
                    click -> getUI().ifPresent(ui -> ui.navigate("account"))).setId("my-account");
        }
        item.getSubMenu().addItem(getTranslation("user.signOut"), click -> authentication.logout()).setId("sign-out");
        return menu;
    }
}
