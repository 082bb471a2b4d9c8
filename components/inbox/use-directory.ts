"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { TeamSummary } from "@/lib/teams/list-teams.ts";
import type { UserSummary } from "@/lib/users/list-users.ts";
import type { TemplateDto } from "@/lib/templates/template-dto.ts";
import { inboxKeys } from "./query-keys.ts";

// People, teams and templates change rarely: loaded once per visit (5 minutes fresh).
const FIVE_MINUTES = 5 * 60_000;

export function useUsers() {
  return useQuery({
    queryKey: inboxKeys.users,
    queryFn: ({ signal }) => apiFetch<{ items: UserSummary[] }>("/api/v1/users", { signal }).then((body) => body.items),
    staleTime: FIVE_MINUTES,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: inboxKeys.teams,
    queryFn: ({ signal }) => apiFetch<{ items: TeamSummary[] }>("/api/v1/teams", { signal }).then((body) => body.items),
    staleTime: FIVE_MINUTES,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: inboxKeys.templates,
    queryFn: ({ signal }) => apiFetch<{ items: TemplateDto[] }>("/api/v1/templates", { signal }).then((body) => body.items),
    staleTime: FIVE_MINUTES,
  });
}
