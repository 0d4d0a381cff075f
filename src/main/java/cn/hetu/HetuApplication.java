package cn.hetu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HetuApplication {

    public static void main(String[] args) {
        SpringApplication.run(HetuApplication.class, args);
    }

}
