# The API image for docker-compose.yml and any container platform. Build: docker build -t pasar-api .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app pasar
WORKDIR /app
COPY --from=build /src/api-gateway/target/pasar-api.jar pasar-api.jar
USER pasar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/pasar-api.jar"]
