package com.chroniccare.alerting.config;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertingProperties.class)
@MapperScan(basePackages = "com.chroniccare.alerting", annotationClass = Mapper.class)
class AlertingConfiguration {
}
