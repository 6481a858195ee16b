package dk.sagsspor.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests under {@code deploy/k8s}, parsed into fabric8's typed models: what the cluster and its
 * operators rely on is checked here, since no cluster runs in the build.
 */
class DeploymentManifestsTest {

    static final Path K8S = Path.of("..", "deploy", "k8s");
    static final Path BASE = K8S.resolve("base");
    static List<HasMetadata> resources;

    @BeforeAll
    static void parse() throws IOException {
        resources = new ArrayList<>();
        for (String file : kustomization(BASE).resources()) {
            for (String document : Files.readString(BASE.resolve(file)).split("(?m)^---\\s*$")) {
                if (!document.isBlank()) {
                    resources.add(Serialization.unmarshal(document, HasMetadata.class));
                }
            }
        }
    }

    @Test
    void theBaseListsEveryManifestBesideIt() throws IOException {
        try (Stream<Path> files = Files.list(BASE)) {
            List<String> manifests = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                    .toList();
            assertThat(kustomization(BASE).resources()).containsExactlyInAnyOrderElementsOf(manifests);
        }
    }

    @Test
    void everyServiceRunsWithProbesResourcesAndSecretsByReference() {
        List<Deployment> deployments = all(Deployment.class);
        assertThat(deployments)
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("command-service", "query-service");
        for (Deployment deployment : deployments) {
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getImage()).as("image").isNotBlank();
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
            EnvVar password = container.getEnv().stream()
                    .filter(env -> env.getName().equals("SPRING_DATASOURCE_PASSWORD"))
                    .findFirst()
                    .orElseThrow();
            assertThat(password.getValue()).as("no password in the manifest").isNull();
            assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo("sagsspor-db-app");
            assertThat(deployment.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(deployment.getSpec().getTemplate().getMetadata().getLabels());
        }
    }

    @Test
    void servicesAutoscalersAndBudgetsPointAtTheDeployments() {
        Map<String, Map<String, String>> podLabels = new java.util.HashMap<>();
        all(Deployment.class)
                .forEach(d -> podLabels.put(
                        d.getMetadata().getName(),
                        d.getSpec().getTemplate().getMetadata().getLabels()));

        for (Service service : all(Service.class)) {
            assertThat(podLabels.values()).contains(service.getSpec().getSelector());
        }
        List<HorizontalPodAutoscaler> autoscalers = all(HorizontalPodAutoscaler.class);
        assertThat(autoscalers).hasSize(2);
        for (HorizontalPodAutoscaler hpa : autoscalers) {
            assertThat(podLabels).containsKey(hpa.getSpec().getScaleTargetRef().getName());
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        }
        List<PodDisruptionBudget> budgets = all(PodDisruptionBudget.class);
        assertThat(budgets).hasSize(2);
        for (PodDisruptionBudget budget : budgets) {
            assertThat(podLabels.values())
                    .contains(budget.getSpec().getSelector().getMatchLabels());
        }
    }

    @Test
    void kafkaKeepsEveryEventForeverAndPostgresIsAnOperatorCluster() {
        GenericKubernetesResource events = custom("KafkaTopic", "sagsspor.events");
        Map<String, Object> spec = events.get("spec");
        assertThat(((Number) spec.get("partitions")).intValue()).isGreaterThanOrEqualTo(6);
        assertThat(((Map<?, ?>) spec.get("config")).get("retention.ms")).isEqualTo(-1);
        assertThat(custom("KafkaTopic", "sagsspor.events.dlt")).isNotNull();
        assertThat(custom("KafkaTopic", "sagsspor.alerts")).isNotNull();
        assertThat(custom("Kafka", "sagsspor-kafka").getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
        assertThat(custom("Cluster", "sagsspor-db").getApiVersion()).isEqualTo("postgresql.cnpg.io/v1");
        Map<String, Object> database = custom("Database", "sagsspor-query").get("spec");
        assertThat(database).containsEntry("name", "sagsspor_query");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProductionOverlayBuildsOnTheBaseWithPatchesThatExist() throws IOException {
        Path overlay = K8S.resolve("overlays/production");
        Map<String, Object> kustomization =
                Serialization.unmarshal(Files.readString(overlay.resolve("kustomization.yaml")), Map.class);
        assertThat((List<Object>) kustomization.get("resources")).containsExactly("../../base");
        for (Object patch : (List<?>) kustomization.get("patches")) {
            Path file = overlay.resolve(((Map<?, ?>) patch).get("path").toString());
            Deployment patched = Serialization.unmarshal(Files.readString(file), Deployment.class);
            assertThat(all(Deployment.class))
                    .extracting(d -> d.getMetadata().getName())
                    .contains(patched.getMetadata().getName());
        }
        List<String> images = all(Deployment.class).stream()
                .map(d -> d.getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage()
                        .split(":")[0])
                .toList();
        for (Object image : (List<?>) kustomization.get("images")) {
            assertThat(images).contains(((Map<?, ?>) image).get("name").toString());
        }
    }

    private static <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static GenericKubernetesResource custom(String kind, String name) {
        return resources.stream()
                .filter(r -> r instanceof GenericKubernetesResource
                        && r.getKind().equals(kind)
                        && r.getMetadata().getName().equals(name))
                .map(GenericKubernetesResource.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    record Kustomization(List<String> resources) {}

    @SuppressWarnings("unchecked")
    static Kustomization kustomization(Path directory) throws IOException {
        Map<String, Object> yaml =
                Serialization.unmarshal(Files.readString(directory.resolve("kustomization.yaml")), Map.class);
        return new Kustomization((List<String>) yaml.get("resources"));
    }
}
