"use client";

import { Box, Flex, GlobalStyles, H1, Link, Tabs, Text } from "@bigcommerce/big-design";
import { theme } from "@bigcommerce/big-design-theme";
import { usePathname, useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { ThemeProvider } from "styled-components";
import type { Role } from "@/lib/generated/prisma/enums.ts";

export type AdminSection = { id: string; title: string; href: string; roles: readonly Role[] };

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { id: "overview", title: "Connection", href: "/admin", roles: ["ADMIN", "SUPERVISOR"] },
  { id: "telegram", title: "Telegram bot", href: "/admin/telegram", roles: ["ADMIN"] },
  { id: "agents", title: "Agents and roles", href: "/admin/agents", roles: ["ADMIN"] },
  { id: "customers", title: "Customers", href: "/admin/customers", roles: ["ADMIN"] },
  { id: "routing", title: "Routing", href: "/admin/routing", roles: ["ADMIN", "SUPERVISOR"] },
  { id: "sla", title: "SLA", href: "/admin/sla", roles: ["ADMIN", "SUPERVISOR"] },
  { id: "dead-letters", title: "Dead letters", href: "/admin/dead-letters", roles: ["ADMIN", "SUPERVISOR"] },
  { id: "approvals", title: "Refund approvals", href: "/admin/approvals", roles: ["ADMIN", "SUPERVISOR"] },
  { id: "settings", title: "Store settings", href: "/admin/settings", roles: ["ADMIN"] },
  { id: "api-tokens", title: "API tokens", href: "/admin/api-tokens", roles: ["ADMIN"] },
];

function activeSection(pathname: string): string {
  const match = [...ADMIN_SECTIONS].sort((a, b) => b.href.length - a.href.length).find((section) => pathname === section.href || pathname.startsWith(`${section.href}/`));
  return match?.id ?? "overview";
}

/**
 * The app as the BigCommerce control panel shows it: BigDesign's theme and global styles, a title
 * bar and the section tabs a user's role may open.
 */
export function AdminFrame({ user, storeName, children }: { user: { name: string; role: Role } | null; storeName: string | null; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const sections = user ? ADMIN_SECTIONS.filter((section) => section.roles.includes(user.role)) : [];
  return (
    <ThemeProvider theme={theme}>
      <GlobalStyles />
      <Box backgroundColor="secondary10" style={{ minHeight: "100vh" }} padding="large">
        <Flex justifyContent="space-between" alignItems="center" marginBottom="medium" flexWrap="wrap">
          <Box>
            <H1 marginBottom="none">Tern</H1>
            {storeName ? <Text color="secondary60">{storeName}</Text> : null}
          </Box>
          {user ? (
            <Text marginBottom="none">
              {user.name} · {user.role.toLowerCase()} · <Link href="/inbox">Open the inbox</Link>
            </Text>
          ) : null}
        </Flex>
        {sections.length ? (
          <Tabs
            aria-label="Tern settings"
            activeTab={`tab-${activeSection(pathname)}`}
            items={sections.map(({ id, title }) => ({ id: `tab-${id}`, title, ariaControls: "admin-section" }))}
            onTabClick={(tabId) => router.push(sections.find((section) => `tab-${section.id}` === tabId)!.href)}
          />
        ) : null}
        <Box id="admin-section" role="tabpanel" marginTop="large">
          {children}
        </Box>
      </Box>
    </ThemeProvider>
  );
}
