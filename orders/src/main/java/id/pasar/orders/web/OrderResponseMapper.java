package id.pasar.orders.web;

import id.pasar.orders.internal.Destinations;
import id.pasar.orders.internal.Order;
import id.pasar.orders.internal.OrderLine;
import id.pasar.orders.internal.ReturnRequest;
import id.pasar.orders.internal.SellerOrder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper(componentModel = "spring")
interface OrderResponseMapper {

    ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Mapping(target = "orderId", source = "id")
    @Mapping(target = "items", expression = "java(items(order))")
    @Mapping(target = "refunds", expression = "java(java.util.List.of())")
    @Mapping(target = "itemsTotalIdr", expression = "java(order.itemsTotalIdr())")
    @Mapping(target = "shippingTotalIdr", expression = "java(order.shippingTotalIdr())")
    @Mapping(target = "shippingAddress",
            expression = "java(new OrderResponse.Address(order.getRecipientName(), "
                    + "order.getPhone(), order.getStreet(), order.getRegencyCode(), order.getPostalCode(), "
                    + "order.getDistrictCode()))")
    OrderResponse toResponse(Order order);

    @Mapping(target = "sellerOrderId", source = "id")
    @Mapping(target = "totalIdr", expression = "java(sellerOrder.totalIdr())")
    @Mapping(target = "shipping", expression = "java(shipping(sellerOrder))")
    @Mapping(target = "shipTo", ignore = true)
    @Mapping(target = "refunds", expression = "java(java.util.List.of())")
    SellerOrderResponse toResponse(SellerOrder sellerOrder);

    /** A seller's own view: with where to ship it. */
    @Mapping(target = "sellerOrderId", source = "sellerOrder.id")
    @Mapping(target = "orderId", source = "sellerOrder.orderId")
    @Mapping(target = "totalIdr", expression = "java(sellerOrder.totalIdr())")
    @Mapping(target = "shipping", expression = "java(shipping(sellerOrder))")
    @Mapping(target = "shipTo", source = "shipTo")
    @Mapping(target = "refunds", expression = "java(java.util.List.of())")
    SellerOrderResponse toResponse(SellerOrder sellerOrder, Destinations.ShipTo shipTo);

    SellerOrderResponse.Line toLine(OrderLine line);

    @Mapping(target = "at", source = "changedAt")
    OrderResponse.Change toChange(Order.StatusChange change);

    @Mapping(target = "returnId", source = "id")
    ReturnResponse toResponse(ReturnRequest request);

    default SellerOrderResponse.Shipping shipping(SellerOrder sellerOrder) {
        return new SellerOrderResponse.Shipping(sellerOrder.getShippingCourier(), sellerOrder.getShippingService(),
                sellerOrder.getShippingIdr(), sellerOrder.getShippingEtaDays(), sellerOrder.getWeightGrams(),
                sellerOrder.getOriginRegencyCode());
    }

    default List<OrderResponse.Item> items(Order order) {
        return order.getSellerOrders()
            .stream()
            .flatMap(sellerOrder -> sellerOrder.getLines()
                .stream()
                .map(line -> new OrderResponse.Item(line.getListingId(), line.getVariantId(), line.getVariantLabel(),
                        sellerOrder.getSellerId(), line.getTitle(), line.getUnitPriceIdr(), line.getQuantity(),
                        line.lineTotalIdr())))
            .toList();
    }

    default OffsetDateTime jakartaTime(Instant instant) {
        return instant == null ? null : instant.atZone(JAKARTA).toOffsetDateTime();
    }

}
