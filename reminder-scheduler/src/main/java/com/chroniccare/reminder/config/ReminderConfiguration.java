package com.chroniccare.reminder.config;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderProperties.class)
@MapperScan(basePackages = "com.chroniccare.reminder", annotationClass = Mapper.class)
class ReminderConfiguration {
}
