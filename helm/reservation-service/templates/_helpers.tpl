{{/*
Names and labels. Every object is named after the release and labelled `app: <release>` as the
Python chart did, and the Deployment's selector is exactly that label: a Deployment's selector
cannot change, so `helm upgrade` over a release made by the Python chart must keep it.
*/}}
{{- define "reservation-service.labels" -}}
app: {{ .Release.Name }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}

{{/* More than one pod can run: several replicas, or an autoscaler that may add them. */}}
{{- define "reservation-service.multiplePods" -}}
{{- if or (gt (int .Values.replicaCount) 1) .Values.autoscaling.enabled }}true{{ end }}
{{- end }}
