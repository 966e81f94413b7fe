# The API image for docker-compose.yml and any container platform. Build: docker build -t pasar-api .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app pasar
WORKDIR /app
# The extracted jar and a class data sharing archive recorded by this image's own java during a
# training start on a throwaway embedded database (tools/cds.sh): the container starts in about
# two thirds of the fat jar's time (docs/performance.md, "Start").
COPY --from=build /src/api-gateway/target/pasar-api.jar /tmp/pasar-api.jar
COPY --from=build /src/tools/cds.sh /tmp/cds.sh
RUN bash /tmp/cds.sh /tmp/pasar-api.jar /app && rm -rf /tmp/pasar-api.jar /tmp/cds.sh /tmp/embedded-pg
USER pasar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/pasar-api.jsa", "-jar", "/app/pasar-api.jar"]
