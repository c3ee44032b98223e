import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline for bench/cold-start: an empty JavaFX window that reports its first frame as the studio does. */
public class BareWindow extends Application {

    private boolean logged;

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("bare")), 1180, 760);
        stage.setTitle("Bare JavaFX window");
        stage.setScene(scene);
        stage.show();
        scene.addPostLayoutPulseListener(() -> {
            if (!logged) {
                logged = true;
                System.out.println("event=first_frame epoch_ms=" + System.currentTimeMillis());
            }
        });
    }

    public static void main(String[] args) {
        launch(args);
    }
}
