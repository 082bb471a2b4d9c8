"use client";

import { Box, Flex, Text } from "@bigcommerce/big-design";
import type { ReactNode } from "react";

/** Label / value rows inside a panel. */
export function FactsList({ facts }: { facts: Array<[label: string, value: ReactNode]> }) {
  return (
    <Box as="dl" margin="none">
      {facts.map(([label, value]) => (
        <Flex key={label} flexGap="1rem" marginBottom="xSmall">
          <Box as="dt" style={{ minWidth: "14rem" }}>
            <Text bold marginBottom="none">
              {label}
            </Text>
          </Box>
          <Box as="dd" margin="none">
            <Text marginBottom="none">{value}</Text>
          </Box>
        </Flex>
      ))}
    </Box>
  );
}
