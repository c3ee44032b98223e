package com.pixfino.studio.account;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import com.pixfino.studio.ui.BusyRow;
import com.pixfino.studio.ui.Texts;
import com.pixfino.studio.ui.ToneStyles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The "Sign-in & email" tab: the address and its confirmation, the emails the user wants, changing the password and
 * changing the address, as four cards. Enter in a card's fields submits that card. Binds and forwards only.
 */
final class SecurityView extends VBox {

    private final SecurityViewModel viewModel;
    private final Messages messages;

    SecurityView(SecurityViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        setId("account-security");
        getStyleClass().addAll("account-overview", "security-view");

        Label load = Texts.statusLine("security-load", viewModel.loadMessageProperty());
        ToneStyles.follow(load, "tone", viewModel.loadToneProperty());

        // two columns of their own heights: no card waits for the height of its neighbour
        VBox left = new VBox(16, emailCard(), passwordCard());
        VBox right = new VBox(16, notificationsCard(), changeEmailCard());
        GridPane cards = new GridPane();
        cards.getStyleClass().add("security-cards");
        cards.addRow(0, left, right);
        for (int column = 0; column < 2; column++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            cards.getColumnConstraints().add(half);
        }
        getChildren().addAll(load, cards);
    }

    private VBox emailCard() {
        Label address = new Label();
        address.setId("security-email");
        address.getStyleClass().add("security-email");
        address.textProperty().bind(viewModel.emailText());
        Label state = new Label();
        state.setId("security-email-state");
        state.textProperty()
                .bind(Bindings.when(viewModel.unverifiedProperty())
                        .then(messages.get("security.email.unverified"))
                        .otherwise(messages.get("security.email.verified")));
        Runnable stateStyle = () -> {
            state.getStyleClass().removeAll("badge-verified", "badge-unverified");
            state.getStyleClass()
                    .addAll(
                            "security-badge",
                            viewModel.unverifiedProperty().get() ? "badge-unverified" : "badge-verified");
        };
        stateStyle.run();
        viewModel.unverifiedProperty().addListener((obs, was, now) -> stateStyle.run());
        state.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, address, state);
        row.setAlignment(Pos.CENTER_LEFT);

        Label hint = Texts.wrapping(new Label(messages.get("security.email.unverifiedHint")));
        hint.getStyleClass().add("card-detail");
        showWhen(hint, viewModel.unverifiedProperty());
        Button resend = new Button(messages.get("security.resend"));
        resend.setId("security-resend");
        resend.getStyleClass().add(Styles.BUTTON_OUTLINED);
        resend.disableProperty().bind(viewModel.verificationBusyProperty());
        resend.setOnAction(event -> viewModel.resendVerification());
        showWhen(resend, viewModel.unverifiedProperty());
        Label outcome = Texts.statusLine("security-resend-status", viewModel.verificationMessageProperty());
        ToneStyles.follow(outcome, "tone", viewModel.verificationToneProperty());
        // while unconfirmed the banner above says it already; here only "confirmed already" is left to say
        outcome.visibleProperty().unbind();
        outcome.visibleProperty()
                .bind(outcome.textProperty()
                        .isNotEmpty()
                        .and(viewModel.unverifiedProperty().not()));

        Label pending = Texts.statusLine(
                "security-pending-email",
                Bindings.createStringBinding(
                        () -> viewModel.pendingEmailProperty().get().isEmpty()
                                ? ""
                                : messages.get(
                                        "security.email.pending",
                                        viewModel.pendingEmailProperty().get()),
                        viewModel.pendingEmailProperty()),
                "notice");
        return card("security-email-card", messages.get("security.email.heading"), row, hint, resend, outcome, pending);
    }

    private VBox notificationsCard() {
        Label hint = Texts.wrapping(new Label(messages.get("security.notifications.hint")));
        hint.getStyleClass().add("card-detail");
        VBox toggles = new VBox(
                10,
                toggle(
                        "security-notify-low-credits",
                        "security.notifications.lowCredits",
                        viewModel.lowCreditsProperty()),
                toggle("security-notify-receipts", "security.notifications.receipts", viewModel.receiptsProperty()),
                toggle(
                        "security-notify-weekly-digest",
                        "security.notifications.weeklyDigest",
                        viewModel.weeklyDigestProperty()));
        toggles.disableProperty().bind(viewModel.preferencesLoadedProperty().not());
        Label unverified = Texts.wrapping(new Label(messages.get("security.notifications.unverified")));
        unverified.getStyleClass().add("card-detail");
        showWhen(unverified, viewModel.unverifiedProperty());
        Label status = Texts.statusLine("security-notify-status", viewModel.preferencesMessageProperty());
        status.getStyleClass().add("security-quiet");
        ToneStyles.follow(status, "tone", viewModel.preferencesToneProperty());
        return card(
                "security-notifications-card",
                messages.get("security.notifications.heading"),
                hint,
                toggles,
                unverified,
                status);
    }

    private HBox toggle(String id, String key, BooleanProperty value) {
        ToggleSwitch toggle = new ToggleSwitch();
        toggle.setId(id);
        // not bindBidirectional: it drops the view model's putting a refused choice back while the click propagates
        toggle.setSelected(value.get());
        value.addListener((obs, was, now) -> toggle.setSelected(now));
        toggle.selectedProperty().addListener((obs, was, now) -> {
            if (now != value.get()) {
                value.set(now);
            }
        });
        toggle.setAccessibleText(messages.get(key));
        Label name = new Label(messages.get(key));
        name.getStyleClass().add("security-toggle-name");
        name.setLabelFor(toggle);
        Label detail = Texts.wrapping(new Label(messages.get(key + "Hint")));
        detail.getStyleClass().add("card-detail");
        VBox words = new VBox(2, name, detail);
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMaxWidth(Double.MAX_VALUE);
        // the whole row is the switch's label: a click on the words flips it too
        words.setOnMouseClicked(event -> {
            if (!toggle.isDisabled()) {
                toggle.setSelected(!toggle.isSelected());
            }
        });
        HBox row = new HBox(12, words, toggle);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox passwordCard() {
        Label hint = Texts.wrapping(new Label(messages.get("security.password.hint")));
        hint.getStyleClass().add("card-detail");
        PasswordField current = password("security-current-password", viewModel.currentPasswordProperty());
        PasswordField chosen = password("security-new-password", viewModel.newPasswordProperty());
        chosen.setPromptText(messages.get("signIn.password.prompt"));
        PasswordField repeat = password("security-repeat-password", viewModel.repeatPasswordProperty());
        Button submit = new Button(messages.get("security.password.submit"));
        submit.setId("security-change-password");
        submit.setOnAction(event -> viewModel.changePassword());
        for (PasswordField field : new PasswordField[] {current, chosen, repeat}) {
            field.setOnAction(event -> viewModel.changePassword());
        }
        return card(
                "security-password-card",
                messages.get("security.password.heading"),
                hint,
                labelled(
                        "security.password.current",
                        current,
                        "security-current-password-error",
                        viewModel.currentPasswordErrorProperty()),
                sideBySide(
                        labelled(
                                "security.password.new",
                                chosen,
                                "security-new-password-error",
                                viewModel.newPasswordErrorProperty()),
                        labelled(
                                "security.password.repeat",
                                repeat,
                                "security-repeat-password-error",
                                viewModel.repeatPasswordErrorProperty())),
                action(submit, viewModel.passwordBusyProperty()),
                outcome(
                        "security-password-status",
                        viewModel.passwordMessageProperty(),
                        viewModel.passwordToneProperty()));
    }

    private VBox changeEmailCard() {
        Label hint = Texts.wrapping(new Label(messages.get("security.changeEmail.hint")));
        hint.getStyleClass().add("card-detail");
        TextField address = new TextField();
        address.setId("security-new-email");
        address.setPromptText(messages.get("signIn.email.prompt"));
        address.textProperty().bindBidirectional(viewModel.newEmailProperty());
        PasswordField password = password("security-email-password", viewModel.emailPasswordProperty());
        Button submit = new Button(messages.get("security.changeEmail.submit"));
        submit.setId("security-change-email");
        submit.setOnAction(event -> viewModel.changeEmail());
        address.setOnAction(event -> viewModel.changeEmail());
        password.setOnAction(event -> viewModel.changeEmail());
        return card(
                "security-change-email-card",
                messages.get("security.changeEmail.heading"),
                hint,
                labelled(
                        "security.changeEmail.new",
                        address,
                        "security-new-email-error",
                        viewModel.newEmailErrorProperty()),
                labelled(
                        "security.changeEmail.password",
                        password,
                        "security-email-password-error",
                        viewModel.emailPasswordErrorProperty()),
                action(submit, viewModel.emailBusyProperty()),
                outcome("security-email-status", viewModel.emailMessageProperty(), viewModel.emailToneProperty()));
    }

    /** Two fields on one line, sharing it equally (the new password and its repeat). */
    private static HBox sideBySide(VBox first, VBox second) {
        HBox.setHgrow(first, Priority.ALWAYS);
        HBox.setHgrow(second, Priority.ALWAYS);
        first.setPrefWidth(0);
        second.setPrefWidth(0);
        first.setMaxWidth(Double.MAX_VALUE);
        second.setMaxWidth(Double.MAX_VALUE);
        return new HBox(12, first, second);
    }

    private static PasswordField password(String id, StringProperty value) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static HBox action(Button button, ReadOnlyBooleanProperty busy) {
        button.getStyleClass().add(Styles.ACCENT);
        button.disableProperty().bind(busy);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return BusyRow.of(button, busy);
    }

    private static Label outcome(String id, ObservableValue<String> text, ObservableValue<Tone> tone) {
        Label label = Texts.statusLine(id, text);
        ToneStyles.follow(label, "tone", tone);
        return label;
    }

    private VBox labelled(String key, Node control, String errorId, ObservableValue<String> error) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("field-label");
        label.setLabelFor(control);
        return new VBox(4, label, control, Texts.statusLine(errorId, error, "tone-error", "field-error"));
    }

    private static VBox card(String id, String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-label");
        VBox card = new VBox(10, heading);
        card.getChildren().addAll(content);
        card.setId(id);
        card.getStyleClass().addAll("account-card", "security-card");
        card.setMaxWidth(Double.MAX_VALUE);
        card.setMaxHeight(Double.MAX_VALUE);
        return card;
    }

    private static void showWhen(Node node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }
}
