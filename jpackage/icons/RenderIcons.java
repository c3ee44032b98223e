import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws pixfino-studio.svg's shapes as PNGs (this machine's ImageMagick drops SVG gradients):
 * {@code java jpackage/icons/RenderIcons.java desktop-app/studio/src/main/resources/com/pixfino/studio/icons}. Keep the two in step.
 */
public class RenderIcons {
    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : ".");
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512}) {
            ImageIO.write(draw(size), "png", new File(dir, "pixfino-studio-" + size + ".png"));
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 256.0, size / 256.0);
        g.setPaint(new GradientPaint(8, 8, new Color(0x7c3aed), 248, 248, new Color(0xdb2777)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 112, 112));
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(72, 58, 32, 142, 32, 32));
        Path2D bowl = new Path2D.Double();
        bowl.moveTo(88, 74);
        bowl.lineTo(134, 74);
        bowl.append(new Arc2D.Double(94, 74, 80, 80, 90, -180, Arc2D.OPEN), true);
        bowl.lineTo(88, 154);
        g.setStroke(new BasicStroke(32, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(bowl);
        GeneralPath spark = new GeneralPath();
        spark.moveTo(186, 150);
        spark.quadTo(190, 176, 214, 180);
        spark.quadTo(190, 184, 186, 210);
        spark.quadTo(182, 184, 158, 180);
        spark.quadTo(182, 176, 186, 150);
        spark.closePath();
        g.setColor(new Color(255, 255, 255, 235));
        g.fill(spark);
        g.dispose();
        return image;
    }
}
