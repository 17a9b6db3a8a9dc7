package org.entente.platform.ui;

import com.vaadin.flow.component.dialog.Dialog;

/**
 * Where focus goes when a dialog closes: back to what opened it, as a keyboard or screen-reader user expects (WCAG
 * 2.4.3). Vaadin's overlay does give focus back, but the change the dialog saved reaches the view behind it as a live
 * update, which may draw that part of the page anew: the opener's element (and its server-side component) is
 * replaced, focus drops to the body, and the next Tab starts again at the top. So the page remembers what had focus
 * when the dialog opened and, once the dialog has closed, puts focus back on it, or on the element that took its id.
 */
public final class FocusReturn {

    /**
     * A constant script. Runs as the dialog opens, while its opener (the button pressed) still has focus; after the
     * {@code closed} event, for ~1 s of animation frames, gives focus back to that element (or, if the view was drawn
     * anew, to the element with its id) whenever focus is on the body.
     */
    private static final String FOCUS_OPENER_WHEN_CLOSED = """
            let opener = document.activeElement;
            while (opener && opener.shadowRoot && opener.shadowRoot.activeElement) { opener = opener.shadowRoot.activeElement; }
            if (!opener || opener === document.body) { return; }
            this.addEventListener('closed', () => {
              let frames = 0;
              const attempt = () => {
                // The view behind may have been drawn anew meanwhile (live updates): then its element with the same id.
                const target = opener.isConnected ? opener : (opener.id ? document.getElementById(opener.id) : null);
                const active = document.activeElement;
                if (target && (!active || active === document.body)) { target.focus({focusVisible: true}); }
                if (frames++ < 60) { requestAnimationFrame(attempt); }
              };
              requestAnimationFrame(attempt);
            }, {once: true});""";

    private FocusReturn() {
    }

    /** Each time {@code dialog} opens, focus is set to return to what had it (the button pressed) when it closes. */
    public static Dialog to(Dialog dialog) {
        dialog.addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                dialog.getElement().executeJs(FOCUS_OPENER_WHEN_CLOSED);
            }
        });
        return dialog;
    }
}
