package org.entente.discussion.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import org.entente.discussion.Comment;
import org.entente.discussion.CommentDraft;
import org.entente.discussion.DiscussionService;
import org.entente.discussion.WorkstreamMember;
import org.entente.platform.i18n.Formats;
import org.entente.platform.ui.Feedback;
import org.entente.workstream.Participant;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;
import org.entente.platform.ui.FocusReturn;

/**
 * The workstream's discussion: threads with indented replies, each comment marked with who may read it,
 * and a composer with mention autocomplete (people of participating organizations only).
 */
class DiscussionPanel extends VerticalLayout {

    private static final int MAX_INDENT = 6;

    private final Workstream workstream;
    private final DiscussionService discussion;
    private final PartnerDirectory partners;
    private final UUID ownMember;
    private final DiscussionTab.Draft draft;

    private final Div thread = new Div();
    private final TextArea body = new TextArea(getTranslation("discussion.composer.comment"));
    private final Select<Releasability> releasability = new Select<>();
    private final MultiSelectComboBox<Partner> relTo = new MultiSelectComboBox<>(getTranslation("discussion.composer.relTo"));
    private final HorizontalLayout replyingTo = new HorizontalLayout();

    DiscussionPanel(Workstream workstream, DiscussionService discussion, WorkstreamService workstreams,
            PartnerDirectory partners, UUID ownTenant, UUID ownMember, DiscussionTab.Draft draft) {
        this.workstream = workstream;
        this.discussion = discussion;
        this.partners = partners;
        this.ownMember = ownMember;
        this.draft = draft;
        setPadding(false);
        setId("discussion");

        thread.setId("discussion-thread");
        thread.setWidthFull();
        add(thread, composer(workstreams, ownTenant));
        refresh();
    }

    private Component composer(WorkstreamService workstreams, UUID ownTenant) {
        body.setId("comment-body");
        body.setWidthFull();
        body.setMinHeight("6rem");
        body.setMaxLength(DiscussionService.BODY_MAX);
        body.setPlaceholder(getTranslation("discussion.composer.placeholder"));
        // The server keeps the text as it is typed, so a re-render caused by someone else keeps the draft.
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.setValueChangeTimeout(250);
        body.setValue(draft.body);
        body.addValueChangeListener(e -> draft.body = e.getValue());

        ComboBox<WorkstreamMember> mention = new ComboBox<>(getTranslation("discussion.composer.mention"));
        mention.setId("mention-someone");
        mention.setWidth("20rem");
        mention.setPlaceholder(getTranslation("discussion.composer.mentionPlaceholder"));
        mention.setItemLabelGenerator(m -> m.label() + " · @" + m.username());
        mention.setItems(query -> discussion.mentionCandidates(workstream.ref(), query.getFilter().orElse("")).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        mention.addValueChangeListener(e -> {
            if (e.getValue() == null || !e.isFromClient()) {
                return;
            }
            String text = body.getValue();
            String separator = text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1)) ? "" : " ";
            body.setValue(text + separator + "@" + e.getValue().username() + " ");
            mention.clear();
            body.focus();
        });

        releasability.setLabel(getTranslation("discussion.composer.releasability"));
        releasability.setId("comment-releasability");
        releasability.setItems(Releasability.PARTICIPANTS, Releasability.REL_TO, Releasability.PRIVATE,
                Releasability.ALL_PARTNERS);
        releasability.setItemLabelGenerator(this::audienceLabel);
        releasability.setValue(draft.releasability);
        releasability.addValueChangeListener(e -> {
            draft.releasability = e.getValue();
            relTo.setVisible(e.getValue() == Releasability.REL_TO);
        });

        relTo.setId("comment-rel-to");
        relTo.setWidth("22rem");
        relTo.setItemLabelGenerator(p -> p.name() + " (" + p.alias() + ")");
        List<Partner> audience = workstreams.participants(workstream.ref()).stream()
                .filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED
                        || p.status() == Participant.ParticipationStatus.INVITED)
                .map(Participant::partner)
                .filter(p -> !p.id().equals(ownTenant))
                .toList();
        relTo.setItems(audience);
        relTo.setValue(audience.stream().filter(p -> draft.relTo.contains(p.id())).toList());
        relTo.addValueChangeListener(e -> draft.relTo = new HashSet<>(e.getValue().stream().map(Partner::id).toList()));
        relTo.setVisible(draft.releasability == Releasability.REL_TO);

        Button post = new Button(getTranslation("discussion.composer.post"), click -> post());
        post.setId("post-comment");
        post.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        post.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(body);

        replyingTo.setId("replying-to");
        replyingTo.setAlignItems(FlexComponent.Alignment.CENTER);
        renderReplyingTo();

        HorizontalLayout options = new HorizontalLayout(mention, releasability, relTo, post);
        options.setAlignItems(FlexComponent.Alignment.BASELINE);
        options.getStyle().set("flex-wrap", "wrap");
        VerticalLayout composer = new VerticalLayout(replyingTo, body, options);
        composer.setId("comment-composer");
        composer.setPadding(false);
        composer.setSpacing(false);
        composer.getStyle().set("border-top", "1px solid var(--lumo-contrast-10pct)")
                .set("padding-top", "var(--lumo-space-s)");
        return composer;
    }

    private void post() {
        // A reply whose parent is gone is reported on the text, where the person is looking.
        Map<String, HasValidation> fields = Map.of("body", body, "parent", body, "releasability", releasability,
                "relTo", relTo);
        Feedback.clear(fields);
        try {
            discussion.post(workstream.ref(), new CommentDraft(draft.replyTo, body.getValue(), releasability.getValue(),
                    relTo.getValue().stream().map(Partner::id).toList()));
            draft.clear();
            body.clear();
            renderReplyingTo();
            refresh();
        } catch (RuntimeException e) {
            Feedback.show(e, fields, this::refresh);
        }
    }

    private void refresh() {
        thread.removeAll();
        List<Comment> comments = discussion.comments(workstream.ref());
        if (comments.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("discussion.thread.empty"));
            empty.setId("discussion-empty");
            empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
            thread.add(empty);
            return;
        }
        comments.forEach(c -> thread.add(card(c)));
    }

    private Component card(Comment comment) {
        Span author = new Span(comment.authorName() == null ? getTranslation("discussion.thread.formerParticipant")
                : comment.authorName());
        author.getStyle().set("font-weight", "600");
        Span organization = new Span(comment.authorOrganization().name());
        organization.getStyle().set("color", "var(--lumo-secondary-text-color)");
        String when = Formats.dateTimeUtc(getLocale(), comment.createdAt());
        Span time = new Span(comment.edited() ? getTranslation("discussion.thread.edited", when) : when);
        time.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Span marking = new Span(partners.marking(comment.releasability(), comment.relTo(), comment.authorOrganization().id()));
        marking.getElement().getThemeList().add(comment.releasability() == Releasability.PARTICIPANTS
                || comment.releasability() == Releasability.ALL_PARTNERS ? "badge contrast small" : "badge error small");
        marking.addClassName("comment-marking");
        HorizontalLayout header = new HorizontalLayout(author, organization, time, marking);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setSpacing(true);

        Div text = new Div();
        text.addClassName("comment-body");
        text.getStyle().set("white-space", "pre-wrap").set("margin", "var(--lumo-space-xs) 0");
        renderBody(comment.body(), text);

        Button reply = new Button(getTranslation("discussion.thread.reply"), click -> {
            draft.replyTo = comment.id();
            renderReplyingTo();
            body.focus();
        });
        reply.addClassName("reply-to-comment");
        reply.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        HorizontalLayout actions = new HorizontalLayout(reply);
        if (comment.authorMemberId().equals(ownMember)) {
            Button edit = new Button(getTranslation("action.edit"), click -> edit(comment));
            edit.addClassName("edit-comment");
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            actions.add(edit);
        }

        Div card = new Div(header, text, actions);
        card.setId("comment-" + comment.id());
        card.addClassName("comment");
        card.getStyle().set("margin-left", Math.min(comment.depth(), MAX_INDENT) * 2 + "rem")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-left", "3px solid " + (comment.depth() == 0 ? "var(--lumo-primary-color-50pct)"
                        : "var(--lumo-contrast-20pct)"))
                .set("margin-bottom", "var(--lumo-space-s)")
                .set("background", "var(--lumo-contrast-5pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
        return card;
    }

    /** Plain text, with each @mention set off; no markup from the body reaches the page. */
    private static void renderBody(String body, Div target) {
        Matcher matcher = DiscussionService.MENTION.matcher(body);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                target.add(new Text(body.substring(at, matcher.start())));
            }
            Span mention = new Span(matcher.group());
            mention.addClassName("mention");
            mention.getStyle().set("color", "var(--lumo-primary-text-color)").set("font-weight", "600");
            target.add(mention);
            at = matcher.end();
        }
        if (at < body.length()) {
            target.add(new Text(body.substring(at)));
        }
    }

    private void renderReplyingTo() {
        replyingTo.removeAll();
        if (draft.replyTo == null) {
            replyingTo.setVisible(false);
            return;
        }
        String to = discussion.comments(workstream.ref()).stream().filter(c -> c.id().equals(draft.replyTo)).findFirst()
                .map(c -> c.authorName() == null ? c.authorOrganization().name() : c.authorName())
                .orElse(getTranslation("discussion.composer.aComment"));
        Button cancel = new Button(getTranslation("discussion.composer.cancelReply"), click -> {
            draft.replyTo = null;
            renderReplyingTo();
        });
        cancel.setId("cancel-reply");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        replyingTo.add(new Span(getTranslation("discussion.composer.replyingTo", to)), cancel);
        replyingTo.setVisible(true);
    }

    private void edit(Comment comment) {
        Dialog dialog = FocusReturn.to(new Dialog());
        dialog.setHeaderTitle(getTranslation("discussion.edit.title"));
        TextArea text = new TextArea(getTranslation("discussion.composer.comment"));
        text.setId("edit-comment-body");
        text.setWidth("36rem");
        text.setMinHeight("8rem");
        text.setMaxLength(DiscussionService.BODY_MAX);
        text.setValue(comment.body());
        Button save = new Button(getTranslation("action.save"), click -> {
            text.setInvalid(false);
            try {
                discussion.edit(comment, text.getValue());
                dialog.close();
                refresh();
            } catch (RuntimeException e) {
                Feedback.show(e, Map.of("body", text), () -> {
                    dialog.close();
                    refresh();
                });
            }
        });
        save.setId("save-comment");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(text);
        Button cancel = new Button(getTranslation("action.cancel"), click -> dialog.close());
        dialog.add(text);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private String audienceLabel(Releasability releasability) {
        return getTranslation("discussion.audience." + releasability.name());
    }
}
