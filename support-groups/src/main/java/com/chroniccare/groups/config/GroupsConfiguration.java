package com.chroniccare.groups.config;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GroupsProperties.class)
@MapperScan(basePackages = "com.chroniccare.groups", annotationClass = Mapper.class)
class GroupsConfiguration {
}
