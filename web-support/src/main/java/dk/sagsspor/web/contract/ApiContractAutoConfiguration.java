package dk.sagsspor.web.contract;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** The OpenAPI contract both services state the same way: {@link NullableComponents}, {@link AnnotatedAnswers} and {@link
 * ProblemResponses}. */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ApiContractAutoConfiguration {

    @Bean
    NullableComponents nullableComponents() {
        return new NullableComponents();
    }

    @Bean
    AnnotatedAnswers annotatedAnswers() {
        return new AnnotatedAnswers();
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }
}
