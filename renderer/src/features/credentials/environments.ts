// The gateways a ProjectX login can go to (docs/brokers/PROJECTX.md section 1.1): TopstepX by default, the ProjectX demo, or
// a firm's own URLs typed in.
export type Environment = { id: string; label: string; apiUrl: string; rtcUrl: string };

export const ENVIRONMENTS: readonly Environment[] = [
  {
    id: 'topstepx',
    label: 'TopstepX',
    apiUrl: 'https://api.topstepx.com',
    rtcUrl: 'https://rtc.topstepx.com',
  },
  {
    id: 'projectx-demo',
    label: 'ProjectX demo',
    apiUrl: 'https://gateway-api-demo.s2f.projectx.com',
    rtcUrl: 'https://gateway-rtc-demo.s2f.projectx.com',
  },
];

export const CUSTOM = 'custom';
