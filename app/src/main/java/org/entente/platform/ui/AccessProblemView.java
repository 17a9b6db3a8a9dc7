package org.entente.platform.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;

/** A plain page that explains why the signed-in person cannot work in Entente, with a way out. */
abstract class AccessProblemView extends VerticalLayout {

    private final AuthenticationContext authentication;

    protected AccessProblemView(AuthenticationContext authentication) {
        this.authentication = authentication;
        addClassName("access-problem");
    }

    protected void show(String heading, List<String> explanation) {
        removeAll();
        H1 title = new H1(heading);
        title.setId("access-problem-heading");
        add(title);
        explanation.forEach(text -> add(new Paragraph(text)));
        Button signOut = new Button(getTranslation("user.signOut"), click -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(signOut);
    }
}
