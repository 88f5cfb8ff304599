import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { renderServiceOrderPage } from './service-order-page.js';
import { ServiceOrders, type LinkAction } from './service-orders.service.js';

/**
 * The one-click links in a service order: GET shows a page asking to confirm (mail scanners and link
 * previews fetch links: a GET must never act), POST acts. The signed link is the authority (no session).
 */
@Public()
@ApiExcludeController()
@Controller('service-orders')
export class ServiceOrdersController {
  constructor(private readonly orders: ServiceOrders) {}

  @Get(':token/:action')
  async show(@Param('token') token: string, @Param('action') action: string, @Res() res: Response): Promise<void> {
    await this.answer(token, action, false, res);
  }

  @Post(':token/:action')
  async act(@Param('token') token: string, @Param('action') action: string, @Res() res: Response): Promise<void> {
    await this.answer(token, action, true, res);
  }

  private async answer(token: string, action: string, act: boolean, res: Response): Promise<void> {
    const valid = action === 'confirm' || action === 'decline';
    const outcome = valid ? await this.orders.answerByLink(token, action as LinkAction, act) : ({ kind: 'invalid' } as const);
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.status(outcome.kind === 'invalid' ? 404 : 200).type('html').send(renderServiceOrderPage(outcome, valid ? (action as LinkAction) : 'confirm'));
  }
}
