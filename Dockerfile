# ConsultFlow's production image: the jar built with the `production` Maven profile (no H2, GreenMail or in-process
# Kafka broker), unpacked into Spring Boot's layers so that a new release only ships the application layer.
#   docker build -t registry.example.org/consultflow/consultflow:0.1.0 .
# See docs/deploy.md.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY src src
COPY bpmn bpmn
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -Pproduction -DskipTests -Dexec.skip=true package \
    && cp target/consultflow-*.jar app.jar

FROM eclipse-temurin:17-jre AS layers
WORKDIR /layers
COPY --from=build /src/app.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
# The base image's own uid 1000 ("ubuntu") makes way for ConsultFlow's user, the uid the Helm chart runs as.
RUN (userdel --remove ubuntu 2>/dev/null || true) \
    && groupadd --system --gid 1000 consultflow \
    && useradd --system --uid 1000 --gid consultflow --no-create-home --shell /usr/sbin/nologin consultflow
WORKDIR /app
# Least often changed first, so most pulls of a new release fetch only the last layer.
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER 1000:1000
ENV SPRING_PROFILES_ACTIVE=prod \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080 9090
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
