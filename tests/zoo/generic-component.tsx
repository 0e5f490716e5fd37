// TSX: generic arrow components, typed props, `satisfies`, `as const`, non-null assertions and
// an async server component that queries per item.
import type { ReactNode } from "react";
import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

interface ListProps<T> {
  items: readonly T[];
  render: (item: T) => ReactNode;
}

export const List = <T,>({ items, render }: ListProps<T>) => <ul>{items.map((item, i) => <li key={i}>{render(item)}</li>)}</ul>;

const SIZES = { small: 12, large: 24 } as const satisfies Record<string, number>;

export async function Orders({ ids }: { ids: string[] }) {
  const orders = await Promise.all(ids.map((id) => prisma.order.findFirst({ where: { id } }))); // expect: postmortem/no-query-in-loop
  return <List<(typeof orders)[number]> items={orders} render={(order) => <span style={{ fontSize: SIZES.small }}>{order!.id}</span>} />;
}

export async function Avatar({ url }: { url: string }): Promise<ReactNode> {
  const response = await fetch(url);
  const blob = await response.blob();
  return <img src={URL.createObjectURL(blob)} alt="" />;
}
