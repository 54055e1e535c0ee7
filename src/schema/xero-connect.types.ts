import { Field, Int, ObjectType } from 'type-graphql';
import { XeroConnection } from './xero-connection.entity.js';

@ObjectType('XeroApiAllowance', {
  description: "What is left of Xero's per-organisation API limits (5,000 calls a day, 60 a minute).",
})
export class XeroApiAllowance {
  @Field(() => Int, { description: 'Calls made to this organisation in the last 24 hours.' })
  callsToday!: number;

  @Field(() => Int, { description: "Calls left today under the gateway's daily budget." })
  remainingToday!: number;

  @Field(() => Int, { description: 'Calls made in the current rate window (a minute).' })
  callsInWindow!: number;

  @Field(() => Int, { nullable: true, description: 'Calls left this minute, as Xero last reported it.' })
  minuteRemainingReported!: number | null;

  @Field(() => Int, { nullable: true, description: 'Calls left today, as Xero last reported it.' })
  dayRemainingReported!: number | null;

  @Field(() => Date, { nullable: true, description: 'Until when Xero asked the gateway to wait (a 429).' })
  pausedUntil!: Date | null;
}

@ObjectType('XeroConnectLink', {
  description: 'A link an admin opens in a browser to connect Xero. It works once and expires.',
})
export class XeroConnectLink {
  @Field(() => String, { description: 'The page to open: it asks about payroll, then goes to Xero.' })
  url!: string;

  @Field(() => Date, { description: 'When the link stops working (10 minutes after it was made).' })
  expiresAt!: Date;
}

@ObjectType('DisconnectXeroPayload', { description: 'What disconnecting Xero did.' })
export class DisconnectXeroPayload {
  @Field(() => XeroConnection, { description: 'The connection, now DISCONNECTED.' })
  connection!: XeroConnection;

  @Field(() => Boolean, {
    description: 'Whether the cached data was purged (the tenant can then link another organisation).',
  })
  purged!: boolean;

  @Field(() => Int, { description: 'Cached records deleted by the purge; each got a DELETED event.' })
  purgedRecords!: number;
}
