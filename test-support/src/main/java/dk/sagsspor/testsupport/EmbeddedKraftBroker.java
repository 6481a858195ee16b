package dk.sagsspor.testsupport;

import dk.sagsspor.testsupport.RealInfrastructure.KafkaServer;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Kafka broker in KRaft mode, running inside the test JVM (spring-kafka-test). */
final class EmbeddedKraftBroker implements KafkaServer {

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKraftBroker(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static EmbeddedKraftBroker start(String what) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("auto.create.topics.enable", "true", "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        return new EmbeddedKraftBroker(broker);
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public String description() {
        return "in-process KRaft broker (Apache Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion()
                + ") at " + bootstrapServers();
    }
}
