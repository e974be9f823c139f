import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Helm 3 from Java (helm-java bundles Helm as a native library), for e2e/deploy/chart: one JVM
 * lints the chart and renders it once per values file.
 *
 * <pre>
 * java -cp HELM_JAVA_JARS HelmCheck.java CHART OUT_DIR RELEASE NAMESPACE NAME=VALUES[,VALUES...][;KEY=VALUE...]...
 * </pre>
 *
 * <p>{@code helm lint --strict CHART} (its own values), then for each {@code NAME=...} argument
 * {@code helm template RELEASE CHART --namespace NAMESPACE -f VALUES... --set KEY=VALUE...} into
 * {@code OUT_DIR/NAME.yaml}. Exit status 1 when the lint fails or a template does not render.
 */
public final class HelmCheck {

  private HelmCheck() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: HelmCheck CHART OUT_DIR RELEASE NAMESPACE NAME=VALUES[;K=V]...");
      System.exit(2);
    }
    Path chart = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    Helm helm = new Helm(chart);
    LintResult lint = helm.lint().strict().call();
    lint.getMessages().forEach(message -> System.out.println("  helm 3 lint: " + message));
    if (lint.isFailed()) {
      System.out.println("helm 3 lint --strict: FAILED");
      System.exit(1);
    }
    System.out.println("helm 3 lint --strict " + chart + ": passed");
    for (int i = 4; i < args.length; i++) {
      String name = args[i].substring(0, args[i].indexOf('='));
      String[] parts = args[i].substring(name.length() + 1).split(";");
      TemplateCommand template =
          helm.template().withName(args[2]).withNamespace(args[3]).withKubeVersion("1.33.0");
      for (String values : parts[0].split(",")) {
        template = template.withValuesFile(Path.of(values));
      }
      for (int p = 1; p < parts.length; p++) {
        String[] pair = parts[p].split("=", 2);
        template = template.set(pair[0], pair[1]);
      }
      String rendered = template.call();
      Files.writeString(out.resolve(name + ".yaml"), rendered);
      System.out.println(
          "helm 3 template "
              + name
              + ": "
              + rendered.split("\n---").length
              + " documents -> "
              + out.resolve(name + ".yaml"));
    }
  }
}
