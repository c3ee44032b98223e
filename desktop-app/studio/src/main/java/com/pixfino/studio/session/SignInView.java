package com.pixfino.studio.session;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import com.pixfino.studio.connection.ConnectionView;
import com.pixfino.studio.connection.ServerConnectionViewModel;
import com.pixfino.studio.core.connection.ConnectionState;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.session.SignInViewModel.Mode;
import com.pixfino.studio.ui.BusyRow;
import com.pixfino.studio.ui.Icons;
import com.pixfino.studio.ui.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The first screen: sign in or create an account, with the server it talks to below. Binds and forwards only. */
public final class SignInView extends StackPane {

    public SignInView(SignInViewModel viewModel, ServerConnectionViewModel connection, Messages messages) {
        setId("signin-screen");
        getStyleClass().add("signin-screen");

        BooleanBinding registering = viewModel.modeProperty().isEqualTo(Mode.REGISTER);
        BooleanBinding unreachable = Bindings.createBooleanBinding(
                () -> {
                    ConnectionState state = connection.stateProperty().get();
                    return state == ConnectionState.OFFLINE || state == ConnectionState.DEGRADED;
                },
                connection.stateProperty());

        Label title = new Label();
        title.setId("signin-title");
        title.getStyleClass().addAll(Styles.TITLE_2, "signin-title");
        title.textProperty()
                .bind(Bindings.when(registering)
                        .then(messages.get("signIn.title.register"))
                        .otherwise(messages.get("signIn.title.signIn")));
        Label switchPrompt = new Label();
        switchPrompt
                .textProperty()
                .bind(Bindings.when(registering)
                        .then(messages.get("signIn.switch.haveAccount"))
                        .otherwise(messages.get("signIn.switch.new")));
        switchPrompt.getStyleClass().add("signin-muted");
        Hyperlink switchMode = new Hyperlink();
        switchMode.setId("signin-switch-mode");
        switchMode
                .textProperty()
                .bind(Bindings.when(registering)
                        .then(messages.get("signIn.switch.toSignIn"))
                        .otherwise(messages.get("signIn.switch.toRegister")));
        switchMode.setOnAction(event -> viewModel.toggleMode());
        HBox switchRow = new HBox(4, switchPrompt, switchMode);
        switchRow.setAlignment(Pos.CENTER_LEFT);

        TextField name = field(new TextField(), "signin-name", messages.get("signIn.name.prompt"), viewModel);
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        VBox nameBox = labelled(messages.get("signIn.name.label"), name);
        nameBox.visibleProperty().bind(registering);
        nameBox.managedProperty().bind(registering);
        TextField email = field(new TextField(), "signin-email", messages.get("signIn.email.prompt"), viewModel);
        email.textProperty().bindBidirectional(viewModel.emailProperty());
        PasswordField password =
                field(new PasswordField(), "signin-password", messages.get("signIn.password.prompt"), viewModel);
        password.textProperty().bindBidirectional(viewModel.passwordProperty());

        Hyperlink forgot = new Hyperlink(messages.get("forgot.link"));
        forgot.setId("signin-forgot");
        forgot.getStyleClass().add("signin-forgot");
        forgot.setOnAction(event -> viewModel.forgotPassword());
        HBox forgotRow = new HBox(forgot);
        forgotRow.setAlignment(Pos.CENTER_RIGHT);
        forgotRow.visibleProperty().bind(registering.not());
        forgotRow.managedProperty().bind(forgotRow.visibleProperty());

        Label error = Texts.statusLine("signin-error", viewModel.errorProperty(), Styles.DANGER);
        Label notice = Texts.statusLine("signin-notice", viewModel.noticeProperty(), "signin-notice");

        Button submit = new Button();
        submit.setId("signin-submit");
        submit.textProperty()
                .bind(Bindings.when(registering)
                        .then(messages.get("signIn.submit.register"))
                        .otherwise(messages.get("signIn.submit.signIn")));
        submit.getStyleClass().addAll(Styles.ACCENT, "signin-submit");
        submit.setDefaultButton(true);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.disableProperty().bind(viewModel.canSubmitProperty().not());
        submit.setOnAction(event -> viewModel.submit());
        HBox submitRow = BusyRow.of(submit, viewModel.busyProperty());
        HBox.setHgrow(submit, javafx.scene.layout.Priority.ALWAYS);

        VBox form = new VBox(
                12,
                title,
                switchRow,
                notice,
                nameBox,
                labelled(messages.get("signIn.email.label"), email),
                labelled(messages.get("signIn.password.label"), password),
                forgotRow,
                error,
                submitRow);
        form.getStyleClass().add("signin-form");
        form.disableProperty().bind(unreachable);
        // "Forgot password?" takes the form's place until it is done or closed. Its pane is made the first time it
        // opens: styling its two steps was a fifth of the work before the window's first frame (bench/cold-start).
        ReadOnlyBooleanProperty forgotOpen = viewModel.forgotPasswordModel().openProperty();
        StackPane forgotHolder = new StackPane();
        forgotHolder.visibleProperty().bind(forgotOpen);
        forgotHolder.managedProperty().bind(forgotOpen);
        Runnable makeForgotPane = () -> {
            if (forgotHolder.getChildren().isEmpty()) {
                ForgotPasswordPane forgotPane = new ForgotPasswordPane(viewModel.forgotPasswordModel(), messages);
                forgotPane.disableProperty().bind(unreachable);
                forgotPane.setVisible(false);
                forgotHolder.getChildren().add(forgotPane);
                // shown by the binding, so the pane puts the keyboard in its first field as it does on every opening
                forgotPane.visibleProperty().bind(forgotOpen);
                forgotPane.managedProperty().bind(forgotPane.visibleProperty());
            }
        };
        if (forgotOpen.get()) {
            makeForgotPane.run();
        }
        form.visibleProperty().bind(forgotOpen.not());
        form.managedProperty().bind(form.visibleProperty());
        forgotOpen.addListener((obs, was, open) -> {
            if (open) {
                makeForgotPane.run();
            } else {
                (email.getText().isBlank() ? email : password).requestFocus();
            }
        });

        VBox card = new VBox(
                16,
                unreachableBox(connection, unreachable, messages),
                form,
                forgotHolder,
                new Separator(),
                new ConnectionView(connection, messages));
        card.setId("signin-card");
        card.getStyleClass().add("signin-card");

        VBox brand = brand(messages);
        HBox layout = new HBox(brand, card);
        layout.getStyleClass().add("signin-layout");
        layout.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        layout.setMinSize(USE_PREF_SIZE, USE_PREF_SIZE); // scroll rather than squeeze wrapped text into "…"
        // Centred when the window is large enough, scrollable when it is not.
        StackPane centred = new StackPane(layout);
        centred.getStyleClass().add("signin-centre");
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "signin-scroll");
        getChildren().add(scroll);
    }

    private static VBox brand(Messages messages) {
        Label name = new Label(messages.get("app.title"));
        name.getStyleClass().addAll(Styles.TITLE_2, "brand-name");
        Label tagline = new Label(messages.get("signIn.brand.tagline"));
        tagline.getStyleClass().add("brand-tagline");
        Texts.wrapping(tagline);
        VBox points = new VBox(10);
        for (String key : new String[] {"signIn.brand.point1", "signIn.brand.point2", "signIn.brand.point3"}) {
            Label point = new Label(messages.get(key));
            point.getStyleClass().add("brand-point");
            Texts.wrapping(point);
            points.getChildren().add(point);
        }
        VBox brand = new VBox(18, logo(), name, tagline, points);
        brand.getStyleClass().add("signin-brand");
        return brand;
    }

    static StackPane logo() {
        Label letter = new Label("P");
        letter.getStyleClass().add("logo-letter");
        StackPane logo = new StackPane(letter);
        logo.getStyleClass().add("logo");
        return logo;
    }

    private static VBox unreachableBox(
            ServerConnectionViewModel connection, BooleanBinding unreachable, Messages messages) {
        Label heading = new Label(messages.get("signIn.unreachable.title"));
        heading.getStyleClass().addAll(Styles.TITLE_4);
        Label hint = new Label(messages.get("signIn.unreachable.hint"));
        Texts.wrapping(hint);
        Button retry = new Button(messages.get("signIn.unreachable.retry"));
        retry.setId("signin-retry");
        retry.disableProperty().bind(connection.busyProperty());
        retry.setOnAction(event -> connection.check());
        HBox top = new HBox(10, Icons.OFFLINE.create(26), heading);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, top, hint, retry);
        box.setId("signin-unreachable");
        box.getStyleClass().add("signin-unreachable");
        box.visibleProperty().bind(unreachable);
        box.managedProperty().bind(unreachable);
        return box;
    }

    private static <T extends TextInputControl> T field(
            T control, String id, String prompt, SignInViewModel viewModel) {
        control.setId(id);
        control.setPromptText(prompt);
        if (control instanceof TextField text) {
            text.setOnAction(event -> viewModel.submit()); // Enter submits from any field
        }
        return control;
    }

    private static VBox labelled(String text, javafx.scene.Node control) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(control);
        return new VBox(4, label, control);
    }
}
