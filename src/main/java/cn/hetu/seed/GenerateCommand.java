package cn.hetu.seed;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code ./hetu generate N} is a command: once the generator has run, the application ends. */
@Component
@ConditionalOnProperty(name = "hetu.generate.parcels")
@Order(Integer.MAX_VALUE)
class GenerateCommand implements ApplicationRunner {

    private final ApplicationContext context;

    GenerateCommand(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        System.exit(SpringApplication.exit(context));
    }

}
