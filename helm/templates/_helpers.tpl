{{/* Names and labels in the usual Helm and Bitnami shape. */}}
{{- define "consultflow.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "consultflow.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "consultflow.selectorLabels" -}}
app.kubernetes.io/name: {{ include "consultflow.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "consultflow.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "consultflow.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: consultflow
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "consultflow.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "consultflow.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "consultflow.image" -}}
{{- $repository := .Values.image.repository -}}
{{- if .Values.image.registry -}}
{{- $repository = printf "%s/%s" .Values.image.registry .Values.image.repository -}}
{{- end -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (.Values.image.tag | default .Chart.AppVersion | toString) -}}
{{- end -}}
{{- end -}}

{{/* A container's environment variable read from a key of an existing Secret: the only way a secret reaches a pod. */}}
{{- define "consultflow.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret | quote }}
      key: {{ .key | quote }}
{{- end -}}

{{/*
Paths of values that hold a secret in the clear, such as database.password: one per line. Names of Secrets
(existingSecret, existingTlsSecret, extraEnvVarsSecret) and keys inside them (passwordKey) are not secrets.
*/}}
{{- define "consultflow.inlineSecrets" -}}
{{- $path := .path -}}
{{- range $key, $value := .values -}}
{{- $here := ternary $key (printf "%s.%s" $path $key) (eq $path "") -}}
{{- if kindIs "map" $value -}}
{{- include "consultflow.inlineSecrets" (dict "path" $here "values" $value) -}}
{{- else if and (kindIs "string" $value) (ne $value "") (regexMatch "(?i)(password|secret|jaasconfig|token|credentials?)$" $key) (not (regexMatch "^(existing|extraEnvVars)" $key)) -}}
{{- printf "%s\n" $here -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
Guard rails: settings that would render a broken or unsafe release fail `helm template` and `helm install` with the
value to change. Checked once, from the Deployment.
*/}}
{{- define "consultflow.validate" -}}
{{- $v := .Values -}}
{{- $inline := include "consultflow.inlineSecrets" (dict "path" "" "values" $v) | trim -}}
{{- if $inline -}}
{{- fail (printf "consultflow: a secret was given inline (%s). Put it in a Kubernetes Secret and name that Secret instead (e.g. database.existingSecret with database.passwordKey); the chart never writes secrets into the release." ($inline | replace "\n" ", ")) -}}
{{- end -}}
{{- range $env := $v.extraEnvVars -}}
{{- if and (hasKey $env "value") (regexMatch "(?i)(password|secret|jaas|token|credential)" (toString $env.name)) -}}
{{- fail (printf "consultflow: extraEnvVars %s carries a secret inline. Use valueFrom.secretKeyRef with an existing Secret." $env.name) -}}
{{- end -}}
{{- end -}}
{{- if not $v.database.existingSecret -}}
{{- fail "consultflow: database.existingSecret is required: the name of an existing Secret with the database user (database.usernameKey) and password (database.passwordKey), e.g. CloudNativePG's <cluster>-app." -}}
{{- end -}}
{{- if not $v.admin.existingSecret -}}
{{- fail "consultflow: admin.existingSecret is required: the name of an existing Secret holding the Camunda administrator's password (admin.passwordKey)." -}}
{{- end -}}
{{- if not $v.coordinator.existingSecret -}}
{{- fail "consultflow: coordinator.existingSecret is required: the name of an existing Secret holding the coordinator's password (coordinator.passwordKey)." -}}
{{- end -}}
{{- if not $v.linkSecret.existingSecret -}}
{{- fail "consultflow: linkSecret.existingSecret is required: the name of an existing Secret holding at least 32 private characters (linkSecret.key) from which personal links are derived." -}}
{{- end -}}
{{- if and $v.mail.auth (not $v.mail.existingSecret) -}}
{{- fail "consultflow: mail.existingSecret is required while mail.auth is true: the name of an existing Secret with the SMTP user (mail.usernameKey) and password (mail.passwordKey)." -}}
{{- end -}}
{{- if and $v.replies.enabled (or (not $v.replies.existingSecret) (not $v.replies.host) (not $v.replies.address)) -}}
{{- fail "consultflow: replies.enabled needs replies.host, replies.address and replies.existingSecret (an existing Secret with the mailbox user, replies.usernameKey, and password, replies.passwordKey)." -}}
{{- end -}}
{{- if and $v.oidc.issuerUri (or (not $v.oidc.clientId) (not $v.oidc.existingSecret)) -}}
{{- fail "consultflow: oidc.issuerUri needs oidc.clientId and oidc.existingSecret (an existing Secret with the client secret, oidc.clientSecretKey)." -}}
{{- end -}}
{{- if and (hasPrefix "SASL_" $v.kafka.security.protocol) (not $v.kafka.security.sasl.existingSecret) -}}
{{- fail (printf "consultflow: kafka.security.sasl.existingSecret is required with kafka.security.protocol %s: the name of an existing Secret holding the sasl.jaas.config line (kafka.security.sasl.jaasConfigKey), e.g. a Strimzi KafkaUser's Secret." $v.kafka.security.protocol) -}}
{{- end -}}
{{- $replicas := int $v.replicaCount -}}
{{- if $v.autoscaling.enabled -}}
{{- $replicas = max $replicas (int $v.autoscaling.maxReplicas) | int -}}
{{- end -}}
{{- if and (hasPrefix "jdbc:h2:" $v.database.url) (gt $replicas 1) -}}
{{- fail (printf "consultflow: database.url is an H2 database, which lives inside a single pod; %d replicas would each keep their own rounds and run every job again. Use PostgreSQL (see docs/deploy.md) or set replicaCount: 1 with autoscaling off." $replicas) -}}
{{- end -}}
{{- if le (int $v.terminationGracePeriodSeconds) (add $v.preStopDelaySeconds $v.shutdownTimeoutSeconds | int) -}}
{{- fail (printf "consultflow: terminationGracePeriodSeconds (%d) must be longer than preStopDelaySeconds + shutdownTimeoutSeconds (%d), or Kubernetes kills jobs and requests the graceful shutdown is still finishing." (int $v.terminationGracePeriodSeconds) (add $v.preStopDelaySeconds $v.shutdownTimeoutSeconds | int)) -}}
{{- end -}}
{{- end -}}
