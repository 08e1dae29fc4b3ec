/** A small set of 16 px line icons (inline SVG, no icon font). */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

export const Icons = {
  production: () => (
    <Icon>
      <path d="M2 14h12M4 11V7M7 11V4M10 11V8M13 11V5" />
    </Icon>
  ),
  monthly: () => (
    <Icon>
      <path d="M2 4.5h4l1.5 1.5H14v7.5H2z" />
      <path d="M5 10l1.5 1.5L10 8" />
    </Icon>
  ),
  estimates: () => (
    <Icon>
      <path d="M3.5 1.5h9v13l-2-1.2-2.5 1.2-2.5-1.2-2 1.2z" />
      <path d="M6 5h4M6 8h4M6 11h2" />
    </Icon>
  ),
  workOrders: () => (
    <Icon>
      <rect x="3" y="2.5" width="10" height="12" rx="1.2" />
      <path d="M6 1.5h4v2H6zM5.5 7h5M5.5 9.5h5M5.5 12h3" />
    </Icon>
  ),
  clients: () => (
    <Icon>
      <path d="M2.5 14.5v-10l5-3 5 3v10M1.5 14.5h13M6 14.5v-3h3v3M5.5 6.5h1M8.5 6.5h1M5.5 9h1M8.5 9h1" />
    </Icon>
  ),
  sites: () => (
    <Icon>
      <path d="M8 14.5s-4.5-4.2-4.5-8a4.5 4.5 0 0 1 9 0c0 3.8-4.5 8-4.5 8z" />
      <circle cx="8" cy="6.5" r="1.6" />
    </Icon>
  ),
  units: () => (
    <Icon>
      <path d="M1.5 10.5l9-9 4 4-9 9z" />
      <path d="M4.5 7.5l1.5 1.5M6.5 5.5l1 1M8.5 3.5l1.5 1.5" />
    </Icon>
  ),
  fronts: () => (
    <Icon>
      <path d="M8 1.5l6.5 3.5L8 8.5 1.5 5z" />
      <path d="M1.5 8L8 11.5 14.5 8M1.5 11L8 14.5l6.5-3.5" />
    </Icon>
  ),
  audit: () => (
    <Icon>
      <path d="M2 8a6 6 0 1 0 1.8-4.3M2 2v3h3" />
      <path d="M8 5v3.2l2 1.3" />
    </Icon>
  ),
  users: () => (
    <Icon>
      <circle cx="6" cy="5.5" r="2.5" />
      <path d="M1.5 14c.5-2.5 2.3-4 4.5-4s4 1.5 4.5 4" />
      <path d="M10.5 3.2a2.3 2.3 0 0 1 0 4.6M12 10.2c1.3.5 2.2 1.8 2.5 3.8" />
    </Icon>
  ),
  account: () => (
    <Icon>
      <circle cx="8" cy="8" r="6.5" />
      <circle cx="8" cy="6.5" r="2.2" />
      <path d="M3.8 12.8c.9-1.6 2.4-2.5 4.2-2.5s3.3.9 4.2 2.5" />
    </Icon>
  ),
  download: () => (
    <Icon>
      <path d="M8 2v8.5M4.5 7L8 10.5 11.5 7M2.5 13.5h11" />
    </Icon>
  ),
  plus: () => (
    <Icon>
      <path d="M8 3v10M3 8h10" />
    </Icon>
  ),
  logout: () => (
    <Icon>
      <path d="M6 2.5H3v11h3M10.5 5l3 3-3 3M13.5 8H6" />
    </Icon>
  ),
  external: () => (
    <Icon>
      <path d="M9 2.5h4.5V7M13.5 2.5L7.5 8.5M11.5 9.5v4h-9v-9h4" />
    </Icon>
  ),
} as const;
