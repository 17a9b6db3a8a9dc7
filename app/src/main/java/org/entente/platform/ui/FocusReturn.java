package org.entente.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.dialog.Dialog;

/**
 * Where focus goes when a dialog closes: back to what opened it, as a keyboard or screen-reader user expects (WCAG
 * 2.4.3). Vaadin's dialog leaves it on the page's body, so the next Tab starts from the top of the page.
 */
public final class FocusReturn {

    private FocusReturn() {
    }

    /** When {@code dialog} closes, focus returns to {@code opener} (if it can take focus and is still there). */
    public static Dialog to(Dialog dialog, Component opener) {
        dialog.addOpenedChangeListener(event -> {
            if (!event.isOpened() && opener instanceof Focusable<?> focusable && opener.isAttached()) {
                focusable.focus();
            }
        });
        return dialog;
    }
}
