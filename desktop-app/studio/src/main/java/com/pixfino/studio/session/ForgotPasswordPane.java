package com.pixfino.studio.session;

import atlantafx.base.theme.Styles;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.session.ForgotPasswordViewModel.Step;
import com.pixfino.studio.ui.BusyRow;
import com.pixfino.studio.ui.Texts;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * "Forgot password?" in the sign-in card, in place of the form: the email step, then the link-and-new-password step.
 * Enter submits the step, Esc goes back to signing in. Binds and forwards only.
 */
public final class ForgotPasswordPane extends VBox {

    public ForgotPasswordPane(ForgotPasswordViewModel viewModel, Messages messages) {
        super(12);
        setId("forgot-pane");
        getStyleClass().add("forgot-pane");
        BooleanBinding onEmail = viewModel.stepProperty().isEqualTo(Step.EMAIL);
        BooleanBinding onLink = viewModel.stepProperty().isEqualTo(Step.LINK);

        Label title = new Label();
        title.setId("forgot-title");
        title.getStyleClass().addAll(Styles.TITLE_2, "signin-title");
        title.textProperty()
                .bind(javafx.beans.binding.Bindings.when(onEmail)
                        .then(messages.get("forgot.title"))
                        .otherwise(messages.get("forgot.sent.title")));

        // step 1: the address
        Label intro = Texts.wrapping(new Label(messages.get("forgot.intro")));
        intro.getStyleClass().add("signin-muted");
        TextField email = field(new TextField(), "forgot-email", messages.get("signIn.email.prompt"));
        email.textProperty().bindBidirectional(viewModel.emailProperty());
        email.setOnAction(event -> {
            event.consume();
            viewModel.sendLink();
        });
        Button send = primary("forgot-send", messages.get("forgot.send"), viewModel);
        send.setOnAction(event -> viewModel.sendLink());
        Hyperlink haveLink = new Hyperlink(messages.get("forgot.haveLink"));
        haveLink.setId("forgot-have-link");
        haveLink.setOnAction(event -> viewModel.haveLink());
        VBox emailStep = step(
                onEmail,
                intro,
                labelled(messages.get("forgot.email.label"), email, null),
                Texts.statusLine("forgot-error", viewModel.errorProperty(), Styles.DANGER),
                submitRow(send, viewModel),
                links(haveLink, back(viewModel, messages, "forgot-back")));

        // step 2: the link from the mail and the new password, twice
        Label sent = Texts.statusLine("forgot-sent", viewModel.sentProperty(), "signin-notice");
        Label hint = Texts.wrapping(new Label(messages.get("forgot.link.hint")));
        hint.getStyleClass().add("signin-muted");
        TextField link = field(new TextField(), "forgot-link", messages.get("forgot.link.prompt"));
        link.textProperty().bindBidirectional(viewModel.linkProperty());
        PasswordField password = field(new PasswordField(), "forgot-password", messages.get("signIn.password.prompt"));
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        PasswordField repeat = field(new PasswordField(), "forgot-repeat", "");
        repeat.textProperty().bindBidirectional(viewModel.repeatProperty());
        for (TextField field : new TextField[] {link, password, repeat}) {
            field.setOnAction(event -> {
                event.consume();
                viewModel.setPassword();
            });
        }
        Button submit = primary("forgot-submit", messages.get("forgot.submit"), viewModel);
        submit.setOnAction(event -> viewModel.setPassword());
        Hyperlink again = new Hyperlink(messages.get("forgot.resend"));
        again.setId("forgot-again");
        again.setOnAction(event -> viewModel.backToEmail());
        VBox linkStep = step(
                onLink,
                sent,
                hint,
                labelled(
                        messages.get("forgot.link.label"),
                        link,
                        inlineError("forgot-link-error", viewModel.linkErrorProperty())),
                labelled(
                        messages.get("forgot.password.label"),
                        password,
                        inlineError("forgot-password-error", viewModel.passwordErrorProperty())),
                labelled(
                        messages.get("forgot.repeat.label"),
                        repeat,
                        inlineError("forgot-repeat-error", viewModel.repeatErrorProperty())),
                Texts.statusLine("forgot-link-step-error", viewModel.errorProperty(), Styles.DANGER),
                submitRow(submit, viewModel),
                links(again, back(viewModel, messages, "forgot-back-link")));

        getChildren().addAll(title, emailStep, linkStep);

        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                viewModel.close();
            }
        });
        // not a default button: a scene has one Enter slot, and the sign-in form's button holds it
        addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                if (viewModel.stepProperty().get() == Step.EMAIL) {
                    viewModel.sendLink();
                } else {
                    viewModel.setPassword();
                }
            }
        });
        // the first field of the step takes the keyboard when the step shows
        Runnable focus = () -> (viewModel.stepProperty().get() == Step.EMAIL
                        ? (viewModel.emailProperty().get().isBlank() ? email : send)
                        : link)
                .requestFocus();
        viewModel.stepProperty().addListener((obs, was, now) -> focus.run());
        visibleProperty().addListener((obs, was, now) -> {
            if (now) {
                focus.run();
            }
        });
    }

    private static Button primary(String id, String text, ForgotPasswordViewModel viewModel) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().addAll(Styles.ACCENT, "signin-submit");
        button.setMaxWidth(Double.MAX_VALUE);
        button.disableProperty().bind(viewModel.busyProperty());
        return button;
    }

    private static HBox submitRow(Button button, ForgotPasswordViewModel viewModel) {
        HBox row = BusyRow.of(button, viewModel.busyProperty());
        HBox.setHgrow(button, Priority.ALWAYS);
        return row;
    }

    private static Hyperlink back(ForgotPasswordViewModel viewModel, Messages messages, String id) {
        Hyperlink back = new Hyperlink(messages.get("forgot.back"));
        back.setId(id);
        back.setOnAction(event -> viewModel.close());
        return back;
    }

    private static HBox links(Node... links) {
        HBox row = new HBox(12, links);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("forgot-links");
        return row;
    }

    private static VBox step(BooleanBinding shown, Node... children) {
        VBox step = new VBox(12, children);
        step.visibleProperty().bind(shown);
        step.managedProperty().bind(shown);
        return step;
    }

    private static Label inlineError(String id, ObservableValue<String> text) {
        return Texts.statusLine(id, text, Styles.DANGER, "field-error");
    }

    private static <T extends TextInputControl> T field(T control, String id, String prompt) {
        control.setId(id);
        control.setPromptText(prompt);
        return control;
    }

    private static VBox labelled(String text, Node control, Label error) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(control);
        VBox box = new VBox(4, label, control);
        if (error != null) {
            box.getChildren().add(error);
        }
        return box;
    }
}
